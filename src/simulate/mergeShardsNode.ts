import { resolve } from "node:path";
import type { CohortColumns } from "../cohort/CohortColumns.js";
import { cohortColumnNames } from "../cohort/CohortColumns.js";
import { InputError } from "../util/InputError.js";
import { loadScenarioNode } from "./loadScenarioNode.js";
import { loadSimulationContextNode } from "./loadSimulationContextNode.js";
import { readShardChunkNode, readShardNode } from "./readShardNode.js";
import { type PatientsFormat, type SimulationRun, runSimulationNode } from "./runSimulationNode.js";
import { scenarioHash } from "./scenarioHash.js";
import { decodeShardChunk } from "./shardColumns.js";
import { type ShardManifest, type ShardRunIdentity, shardIdentityDifferences, shardRunIdentity } from "./ShardManifest.js";
import { type SimulationResult, mergeRanges } from "./simulate.js";
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

/** Columns [first, first + count) of a cohort, as views (no copy). */
function cohortSlice(cohort: CohortColumns, first: number, count: number): CohortColumns {
  const slice: Record<string, unknown> = { size: count };
  for (const name of cohortColumnNames) slice[name] = cohort[name].subarray(first, first + count);
  return slice as unknown as CohortColumns;
}

/**
 * Merges the shards of a run (`pnen-sim merge SHARD_DIR… --out DIR`, issue 15) into the files the single-process
 * run writes — patients file, summary.json byte for byte, manifest.json (its times and command line aside, plus
 * the shards it was made of):
 *
 *   shard folders ─► checkShardSetNode (one run, every K once) ─► scenario and data/ unchanged since?
 *     ─► runSimulationNode with the plan's results read from the shards (base case, then each replicate)
 *
 * Exact, not approximate: the shards hold the simulated columns of whole blocks of patients, which are the
 * single-process run's to the last bit, and everything after (Kaplan–Meier, log-rank, Cox, RMST, batch means,
 * block correlations, calibration, replicates' spread) is the same code on the same numbers. Memory: that of the
 * single-process run (the base case and one replicate at a time). Node only.
 */
export async function mergeShardsNode(options: MergeShardsOptions): Promise<SimulationRun> {
  const { shards, run } = checkShardSetNode(options.shards.map((dir) => resolve(options.cwd, dir)));
  const first = shards[0].manifest;
  // the scenario file and data/ must be those the shards ran with (the calibration and summaries are recomputed)
  const { context, strategies } = loadSimulationContextNode();
  const { figures, thresholds, treatments, assumptions } = context.registry;
  const dataHash = scenarioHash({ figures, thresholds, treatments, assumptions, strategies });
  if (dataHash !== run.dataHash) throw new InputError(`pnen-sim merge: the data/ records (figures, assumptions, strategies) differ from those the shards ran with (data hash ${dataHash}, shards ${run.dataHash})`);
  const { scenario } = loadScenarioNode(first.scenario.file, options.cwd);
  if (scenarioHash(scenario) !== run.scenarioHash) throw new InputError(`pnen-sim merge: scenario file ${first.scenario.file} has changed since the shards ran (hash ${scenarioHash(scenario)}, shards ${run.scenarioHash})`);

  let base: SimulationResult | null = null;
  const simulatePlan = async (plan: Parameters<NonNullable<Parameters<typeof runSimulationNode>[0]["simulatePlan"]>>[0], replicate: number): Promise<SimulationResult> => {
    const ranges: RangeResult[] = [];
    let done = 0;
    for (const { dir, manifest } of shards) {
      manifest.chunks.forEach((chunk, index) => {
        if (chunk.replicate !== replicate) return;
        const decoded = decodeShardChunk(readShardChunkNode(dir, manifest, index), chunk.count, manifest.strategies.length, replicate === 0);
        const cohort = decoded.cohort ?? cohortSlice(base!.cohort, chunk.first, chunk.count);
        ranges.push({ first: chunk.first, cohort, outcomes: decoded.outcomes, pathwayLabels: chunk.pathwayLabels });
        done += chunk.count;
        if (replicate === 0) options.onProgress?.("simulate", done, run.n);
      });
    }
    const result = mergeRanges(plan, ranges);
    if (replicate === 0) base = result;
    return result;
  };
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
    simulatePlan,
    manifestFields: { shards: { count: run.shards, folders: shards.map((s) => s.dir) } },
  });
}
