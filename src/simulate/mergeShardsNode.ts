import { resolve } from "node:path";
import { InputError } from "../util/InputError.js";
import { loadScenarioNode } from "./loadScenarioNode.js";
import { loadSimulationContextNode } from "./loadSimulationContextNode.js";
import { readShardChunkNode, readShardNode, readShardTablesNode } from "./readShardNode.js";
import { type PatientsFormat, runSimulationNode } from "./runSimulationNode.js";
import { scenarioHash } from "./scenarioHash.js";
import { decodeShardChunk } from "./shardColumns.js";
import { type ShardManifest, type ShardRunIdentity, shardIdentityDifferences, shardRunIdentity } from "./ShardManifest.js";
import { mergeRanges } from "./simulate.js";
import { mergeSummaryTables } from "./summaryTables.js";
import type { RangeResult } from "./simulateRange.js";

export interface MergeShardsOptions {
  /** The shard folders, in any order. */
  readonly shards: readonly string[];
  readonly cwd: string;
  /** Output folder: patients file, summary.json and manifest.json, as `pnen-sim simulate --out` writes them. */
  readonly out: string;
  /** Format of the patients file (default csv). */
  readonly format?: PatientsFormat;
  /** The command line recorded in the manifest. */
  readonly command?: string;
  readonly onProgress?: (phase: "simulate" | "write" | "replicates", done: number, total: number) => void;
  /** Write the patients file (default: when every shard carries the patient rows). */
  readonly patients?: boolean;
}

/**
 * Checks that shard folders are exactly the parts of one run (`pnen-sim merge`, issue 15): the same version,
 * scenario hash, data hash, seed, n, replicates and number of shards N (the run most shards share; any other is
 * *foreign*), and every K in 1 … N present exactly once. Returns the shards ordered by K and their run, or throws
 * one InputError listing every problem, each naming the folder (a missing shard by its number). Node only.
 */
export function checkShardSetNode(dirs: readonly string[]): { readonly shards: readonly { readonly dir: string; readonly manifest: ShardManifest }[]; readonly run: ShardRunIdentity } {
  if (dirs.length === 0) throw new InputError(`pnen-sim merge: no shard folders given`);
  const read = dirs.map((dir) => ({ dir, manifest: readShardNode(dir) }));
  const votes = new Map<string, { identity: ShardRunIdentity; count: number }>();
  for (const { manifest } of read) {
    const identity = shardRunIdentity(manifest);
    const key = JSON.stringify(identity);
    const entry = votes.get(key) ?? { identity, count: 0 };
    entry.count++;
    votes.set(key, entry);
  }
  const run = [...votes.values()].reduce((best, v) => (v.count > best.count ? v : best)).identity;
  const problems: string[] = [];
  const byShard = new Map<number, string>();
  for (const { dir, manifest } of read) {
    const differences = shardIdentityDifferences(shardRunIdentity(manifest), run);
    if (differences.length > 0) {
      problems.push(`foreign shard ${dir} (shard ${manifest.shard}/${manifest.shards} of scenario ${manifest.scenario.name}): another run: ${differences.join(", ")}`);
      continue;
    }
    const earlier = byShard.get(manifest.shard);
    if (earlier !== undefined) problems.push(`duplicate shard ${manifest.shard}/${run.shards}: ${earlier} and ${dir}`);
    else byShard.set(manifest.shard, dir);
  }
  const missing: number[] = [];
  for (let k = 1; k <= run.shards; k++) if (!byShard.has(k)) missing.push(k);
  if (missing.length > 0) problems.push(`missing shard${missing.length === 1 ? "" : "s"} ${missing.map((k) => `${k}/${run.shards}`).join(", ")} (given: ${[...byShard.keys()].sort((a, b) => a - b).join(", ") || "none"})`);
  if (problems.length > 0) throw new InputError(`pnen-sim merge: the shards are not one complete run (${problems.length} problem${problems.length === 1 ? "" : "s"})`, problems);
  const shards = read.filter((s) => byShard.get(s.manifest.shard) === s.dir).sort((a, b) => a.manifest.shard - b.manifest.shard);
  return { shards, run };
}

/**
 * Merges the shards of a run (`pnen-sim merge SHARD_DIR… --out DIR`, issue 15) into the files the single-process
 * run writes — summary.json byte for byte, the patients file (when the shards carry the patient rows) byte for
 * byte, manifest.json (its times, command line and the list of shards aside):
 *
 *   shard folders ─► checkShardSetNode (one run, every K once, files intact) ─► scenario and data/ unchanged?
 *     ─► per replicate: mergeSummaryTables(the shards' parts of it) ─► summariseTables   (src/simulate summaryTables)
 *     ─► base case's patient columns (mergeRanges) ─► patients file
 *     ─► runSimulationNode's own calibration report, replicates' spread, provenance and writing
 *
 * Exact, not approximate: the tables are sufficient statistics that merge exactly (sorted event and censoring
 * times merge, counts add, per-block correlations and Monte Carlo batches concatenate in block order), and
 * Kaplan–Meier, log-rank, Cox and RMST are functions of the merged event tables. Memory: the merged tables of one
 * replicate at a time (about 22 bytes per patient per strategy) plus, with the patients file, the base case's
 * columns (as the single-process run). Node only.
 */
export async function mergeShardsNode(options: MergeShardsOptions): Promise<Awaited<ReturnType<typeof runSimulationNode>>> {
  const { shards, run } = checkShardSetNode(options.shards.map((dir) => resolve(options.cwd, dir)));
  const first = shards[0]!.manifest;
  // the scenario file and data/ must be those the shards ran with (the calibration is recomputed here)
  const { context, strategies } = loadSimulationContextNode();
  const { figures, thresholds, treatments, assumptions } = context.registry;
  const dataHash = scenarioHash({ figures, thresholds, treatments, assumptions, strategies });
  if (dataHash !== run.dataHash) throw new InputError(`pnen-sim merge: the data/ records (figures, assumptions, strategies) differ from those the shards ran with (data hash ${dataHash}, shards ${run.dataHash})`);
  const { scenario } = loadScenarioNode(first.scenario.file, options.cwd);
  if (scenarioHash(scenario) !== run.scenarioHash) throw new InputError(`pnen-sim merge: scenario file ${first.scenario.file} has changed since the shards ran (hash ${scenarioHash(scenario)}, shards ${run.scenarioHash})`);
  const withRows = shards.filter((s) => s.manifest.columns !== null);
  const patients = options.patients ?? withRows.length === shards.length;
  if (patients && withRows.length < shards.length) {
    throw new InputError(`pnen-sim merge: a patients file needs the patient rows of every shard; ${shards.filter((s) => s.manifest.columns === null).map((s) => `shard ${s.manifest.shard}/${run.shards} (${s.dir})`).join(", ")} ran with --no-patients (merge with --no-patients, or run them again)`);
  }
  return runSimulationNode({
    scenario: first.scenario.file,
    cwd: options.cwd,
    n: run.n,
    seed: typeof run.seed === "number" ? run.seed : undefined,
    replicates: run.replicates,
    out: resolve(options.cwd, options.out),
    command: options.command,
    format: options.format,
    onProgress: options.onProgress,
    fromShards: {
      tables: (_plan, replicate) => mergeSummaryTables(shards.flatMap(({ dir, manifest }) => manifest.parts.flatMap((part, index) => (part.replicate === replicate ? [readShardTablesNode(dir, manifest, index)] : [])))),
      result(plan) {
        if (!patients) return null;
        const ranges: RangeResult[] = [];
        for (const { dir, manifest } of shards) {
          manifest.columns!.chunks.forEach((chunk, index) => {
            const decoded = decodeShardChunk(readShardChunkNode(dir, manifest, index), chunk.count, manifest.strategies.length, true);
            ranges.push({ first: chunk.first, cohort: decoded.cohort!, outcomes: decoded.outcomes, pathwayLabels: chunk.pathwayLabels });
          });
        }
        return mergeRanges(plan, ranges);
      },
    },
    manifestFields: { shards: { count: run.shards, folders: shards.map((s) => s.dir) } },
  });
}
