import { createHash } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { cohortBlockSize } from "../cohort/generateCohort.js";
import { writeFileAtomic } from "../io/writeFileAtomic.js";
import { loadScenarioNode } from "./loadScenarioNode.js";
import { loadSimulationContextNode } from "./loadSimulationContextNode.js";
import { replicateModel } from "./replicates.js";
import { scenarioHash } from "./scenarioHash.js";
import { encodeShardChunk } from "./shardColumns.js";
import { type ShardManifest, shardColumnsFile, shardFormat, shardManifestFile } from "./ShardManifest.js";
import { shardRange } from "./shardRange.js";
import { simulationPlan } from "./simulate.js";
import { type RangeResult, simulateRange } from "./simulateRange.js";
import { packageVersionNode } from "./packageVersionNode.js";

/** Patients simulated and written at a time by a shard: 16 blocks (its memory does not grow with the shard). */
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
  /** The shard folder: shard.json and columns.bin are written there. */
  readonly out: string;
  /** The command line recorded in shard.json. */
  readonly command?: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * One shard of a run (`pnen-sim simulate --shard K/N`, issue 15): the K-th of N parts of the run's blocks of
 * patients (src/simulate shardRange), simulated for the base case and every PSA replicate exactly as the
 * single-process run simulates them (each block draws from its own random sub-streams), and written to a shard
 * folder that `pnen-sim merge` (mergeShardsNode) turns into the single-process run's files, byte for byte:
 *
 *   scenario, seed, n, K/N ─► calibrated model (as the single run) ─► blocks of shard K, 16 at a time
 *     ─► columns.bin (raw columns, chunk after chunk: streamed, memory independent of n and K)
 *     ─► shard.json (version, scenario hash, data hash, seed, n, replicates, K, N, chunk index, SHA-256)
 *
 * The content depends only on the scenario, data/, seed, n, replicates, K, N and the version, all recorded in
 * shard.json, which is written last (a shard without it is incomplete). Node only. Time: the run's calibration
 * plus 1/N of its simulation; memory: one chunk of 65,536 patients.
 */
export function runShardNode(options: ShardRunOptions): ShardManifest {
  const started = new Date();
  const { context, strategies } = loadSimulationContextNode();
  const sourceIds = [...context.registry.figures.map((f) => f.id), ...context.registry.assumptions.map((a) => a.id)];
  const { scenario, path } = loadScenarioNode(options.scenario, options.cwd, strategies.map((s) => s.id), sourceIds);
  const seed = options.seed ?? scenario.seed;
  const replicateCount = options.replicates ?? 0;
  const plan = simulationPlan(scenario, strategies, { n: options.n, seed }, context);
  const range = shardRange(plan.size, options.shards, options.shard);
  const { figures, thresholds, treatments, assumptions } = context.registry;
  const dataHash = scenarioHash({ figures, thresholds, treatments, assumptions, strategies });
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  rmSync(join(out, shardManifestFile), { force: true });
  const temporary = join(out, `.${shardColumnsFile}.${process.pid}.${started.getTime()}.tmp`);
  const hash = createHash("sha256");
  const chunks: ShardManifest["chunks"][number][] = [];
  let offset = 0;
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "w");
    const total = range.count * (replicateCount + 1);
    let done = 0;
    for (let replicate = 0; replicate <= replicateCount; replicate++) {
      const replicatePlan = replicate === 0 ? plan : { ...plan, model: replicateModel(scenario, context, seed, replicate) };
      let previous: RangeResult | undefined;
      for (let first = range.first; first < range.first + range.count; first += chunkSize) {
        const count = Math.min(chunkSize, range.first + range.count - first);
        const chunk = simulateRange(replicatePlan, context.assignPathway, first, count, undefined, previous);
        previous = chunk;
        const bytes = encodeShardChunk(replicate === 0 ? chunk.cohort : null, chunk.outcomes, count);
        for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
        hash.update(bytes);
        chunks.push({ replicate, first, count, offset, bytes: bytes.length, pathwayLabels: chunk.pathwayLabels });
        offset += bytes.length;
        done += count;
        options.onProgress?.(done, total);
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, join(out, shardColumnsFile));
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  const manifest: ShardManifest = {
    format: shardFormat,
    package: "pnen-sim",
    version: packageVersionNode(),
    scenario: { name: scenario.name, file: path, hash: scenarioHash(scenario) },
    data: { hash: dataHash },
    seed,
    n: plan.size,
    replicates: replicateCount,
    strategies: plan.strategies.map((s) => s.id),
    shard: range.shard,
    shards: range.shards,
    first: range.first,
    count: range.count,
    firstBlock: range.firstBlock,
    blocks: range.blocks,
    littleEndian: new Uint8Array(new Uint16Array([1]).buffer)[0] === 1,
    columns: { file: shardColumnsFile, bytes: offset, sha256: hash.digest("hex") },
    chunks,
    command: options.command ?? null,
    started: started.toISOString(),
    finished: new Date().toISOString(),
  };
  writeFileAtomic(join(out, shardManifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
