import { createHash } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { cohortBlockSize } from "../cohort/generateCohort.js";
import { writeFileAtomic } from "../io/writeFileAtomic.js";
import { loadScenarioNode } from "./loadScenarioNode.js";
import { loadSimulationContextNode } from "./loadSimulationContextNode.js";
import { packageVersionNode } from "./packageVersionNode.js";
import { replicateModel } from "./replicates.js";
import { scenarioHash } from "./scenarioHash.js";
import { encodeShardChunk } from "./shardColumns.js";
import { type ShardManifest, shardColumnsFile, shardFormat, shardManifestFile, shardTablesFile } from "./ShardManifest.js";
import { shardRange } from "./shardRange.js";
import { simulationPlan } from "./simulate.js";
import { type RangeResult, simulateRange } from "./simulateRange.js";
import { type SummaryTables, mergeSummaryTables, summaryTables } from "./summaryTables.js";
import { encodeTypedJson } from "./typedJson.js";

/** Patients simulated at a time by a shard: 16 blocks. */
const chunkSize = cohortBlockSize * 16;

export interface ShardRunOptions {
  /** A scenario name in data/scenarios/ or a JSON file path (relative to `cwd`). */
  readonly scenario: string;
  readonly cwd: string;
  /** Number of patients of the whole run; default the scenario's. */
  readonly n?: number;
  /** Master seed; default the scenario's. */
  readonly seed?: number;
  /** PSA replicates of the whole run (default 0): the shard simulates its patients under each. */
  readonly replicates?: number;
  /** This shard (1 … shards) and the number of shards. */
  readonly shard: number;
  readonly shards: number;
  /** The shard folder: shard.json, tables.bin (and columns.bin) are written there. */
  readonly out: string;
  /** Keep the patient rows (columns.bin) so that the merge can write the patients file (default true). */
  readonly patients?: boolean;
  /** The command line recorded in shard.json. */
  readonly command?: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** A file written under a temporary name and renamed into place once complete, with its SHA-256 and size. */
function stagedFile(path: string) {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temporary, "w");
  const hash = createHash("sha256");
  let bytes = 0;
  let open = true;
  return {
    write(data: Uint8Array) {
      for (let written = 0; written < data.length; ) written += writeSync(fd, data, written, data.length - written);
      hash.update(data);
      const at = bytes;
      bytes += data.length;
      return at;
    },
    commit() {
      fsyncSync(fd);
      closeSync(fd);
      open = false;
      renameSync(temporary, path);
      return { bytes, sha256: hash.digest("hex") };
    },
    discard() {
      if (open) closeSync(fd);
      rmSync(temporary, { force: true });
    },
  };
}

/**
 * One shard of a run (`pnen-sim simulate --shard K/N`, issue 15): the K-th of N parts of the run's blocks of
 * patients under the base case and the PSA replicates (src/simulate shardRange), simulated exactly as the
 * single-process run simulates them (each block draws from its own random sub-streams), reduced to the summary's
 * sufficient statistics, and written to a shard folder that `pnen-sim merge` (mergeShardsNode) turns into the
 * single-process run's files, byte for byte:
 *
 *   scenario, seed, n, R, K/N ─► calibrated model of each replicate it touches (as the single run)
 *     ─► its blocks of that replicate, 16 at a time ─► summaryTables of each chunk ─► mergeSummaryTables
 *     ─► tables.bin (one record per part)
 *     ─► columns.bin: the base case's patient rows, streamed chunk after chunk (unless patients: false)
 *     ─► shard.json (version, scenario hash, data hash, seed, n, replicates, K, N, indexes, SHA-256), last
 *
 * The content depends only on the scenario, data/, seed, n, replicates, K, N and the version, all recorded in
 * shard.json; a folder without shard.json is an unfinished shard. Node only. Time: the run's calibration plus 1/N
 * of its simulation; memory: one chunk of 65,536 patients plus the shard's tables (about 22 bytes per patient per
 * strategy on the default scenario), never the whole run.
 */
export function runShardNode(options: ShardRunOptions): ShardManifest {
  const started = new Date();
  const { context, strategies } = loadSimulationContextNode();
  const sourceIds = [...context.registry.figures.map((f) => f.id), ...context.registry.assumptions.map((a) => a.id)];
  const { scenario, path } = loadScenarioNode(options.scenario, options.cwd, strategies.map((s) => s.id), sourceIds);
  const seed = options.seed ?? scenario.seed;
  const replicateCount = options.replicates ?? 0;
  const withPatients = options.patients ?? true;
  const plan = simulationPlan(scenario, strategies, { n: options.n, seed }, context);
  const range = shardRange(plan.size, options.shards, options.shard, replicateCount);
  const strategyIds = plan.strategies.map((s) => s.id);
  const { figures, thresholds, treatments, assumptions } = context.registry;
  const dataHash = scenarioHash({ figures, thresholds, treatments, assumptions, strategies });
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  for (const file of [shardManifestFile, shardTablesFile, shardColumnsFile]) rmSync(join(out, file), { force: true });
  const tablesFile = stagedFile(join(out, shardTablesFile));
  const columnsFile = withPatients ? stagedFile(join(out, shardColumnsFile)) : null;
  try {
    const records: { offset: number; bytes: number }[] = [];
    const chunks: NonNullable<ShardManifest["columns"]>["chunks"][number][] = [];
    const total = range.parts.reduce((sum, p) => sum + p.count, 0);
    let done = 0;
    let previous: RangeResult | undefined;
    for (const part of range.parts) {
      const replicatePlan = part.replicate === 0 ? plan : { ...plan, model: replicateModel(scenario, context, seed, part.replicate) };
      const pieces: SummaryTables[] = [];
      for (let first = part.first; first < part.first + part.count; first += chunkSize) {
        const count = Math.min(chunkSize, part.first + part.count - first);
        const chunk = simulateRange(replicatePlan, context.assignPathway, first, count, undefined, previous);
        previous = chunk;
        pieces.push(summaryTables({ first, count, grade: chunk.cohort.grade, outcomes: chunk.outcomes, pathwayLabels: chunk.pathwayLabels }, strategyIds, scenario.referenceStrategy, replicatePlan.model));
        if (part.replicate === 0 && columnsFile !== null) {
          const bytes = encodeShardChunk(chunk.cohort, chunk.outcomes, count);
          chunks.push({ first, count, offset: columnsFile.write(bytes), bytes: bytes.length, pathwayLabels: chunk.pathwayLabels });
        }
        done += count;
        options.onProgress?.(done, total);
      }
      const record = encodeTypedJson(mergeSummaryTables(pieces));
      records.push({ offset: tablesFile.write(record), bytes: record.length });
    }
    const tables = tablesFile.commit();
    const columns = columnsFile?.commit() ?? null;
    const manifest: ShardManifest = {
      format: shardFormat,
      package: "pnen-sim",
      version: packageVersionNode(),
      scenario: { name: scenario.name, file: path, hash: scenarioHash(scenario) },
      data: { hash: dataHash },
      seed,
      n: plan.size,
      replicates: replicateCount,
      strategies: strategyIds,
      shard: range.shard,
      shards: range.shards,
      parts: range.parts,
      littleEndian: new Uint8Array(new Uint16Array([1]).buffer)[0] === 1,
      tables: { file: shardTablesFile, ...tables, records },
      columns: columns === null ? null : { file: shardColumnsFile, ...columns, chunks },
      command: options.command ?? null,
      started: started.toISOString(),
      finished: new Date().toISOString(),
    };
    writeFileAtomic(join(out, shardManifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    tablesFile.discard();
    columnsFile?.discard();
  }
}
