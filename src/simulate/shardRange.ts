import { cohortBlockSize } from "../cohort/generateCohort.js";
import { InputError } from "../util/InputError.js";

/** The patients of one replicate that a shard simulates: whole blocks of the simulation's random sub-streams. */
export interface ShardPart {
  /** 0 = the base case, r = 1 … R the PSA replicates. */
  readonly replicate: number;
  /** First patient (0-based, a multiple of 4,096) and number of patients. */
  readonly first: number;
  readonly count: number;
  /** First block and number of blocks (blocks of 4,096 patients; the run's last block may be shorter). */
  readonly firstBlock: number;
  readonly blocks: number;
}

/** What shard K of N of a run simulates: one part per replicate it touches, in order. */
export interface ShardRange {
  /** Shard number, 1 … shards. */
  readonly shard: number;
  readonly shards: number;
  readonly parts: readonly ShardPart[];
}

/**
 * Shard `shard` of `shards` (1-based, as `--shard K/N`) of a run of `size` patients and `replicates` PSA replicates.
 * The run's work units are its B = ⌈size / 4,096⌉ blocks under the base case and under each replicate, U = (R + 1)·B
 * units in replicate-major order (unit u: replicate ⌊u / B⌋, block u mod B); shard K gets units ⌊(K − 1)·U / N⌋ …
 * ⌊K·U / N⌋ − 1, so shards differ by at most one unit whether or not N divides U (7 shards of 9 blocks: 1, 1, 1, 2,
 * 1, 1, 2 blocks), and a run with replicates splits across replicates as well as patients (1,000 replicates of
 * 100,000 patients: 25,025 units, enough for thousands of shards). A contiguous run of units meets each replicate in
 * one contiguous run of blocks: one {@link ShardPart} per replicate. Each block draws from its own random
 * sub-streams (src/simulate simulateRange), so the shards together hold exactly the single-process run's
 * outcomes. A shard needs at least one unit: N ≤ U. O(replicates).
 */
export function shardRange(size: number, shards: number, shard: number, replicates = 0): ShardRange {
  if (!Number.isInteger(shards) || shards < 1) throw new InputError(`--shard: the number of shards must be a positive integer, got ${shards}`);
  if (!Number.isInteger(shard) || shard < 1 || shard > shards) throw new InputError(`--shard: the shard must be an integer from 1 to ${shards}, got ${shard}`);
  const blocks = Math.ceil(size / cohortBlockSize);
  const units = blocks * (replicates + 1);
  if (shards > units) {
    throw new InputError(`--shard: ${shards} shards of ${size.toLocaleString("en-US")} patients${replicates > 0 ? ` × ${replicates + 1} runs (base case and ${replicates} replicates)` : ""}: a shard holds whole blocks of ${cohortBlockSize.toLocaleString("en-US")} patients and there are only ${units}; use at most ${units} shards${replicates > 0 ? "" : ", more patients or replicates"}`);
  }
  const firstUnit = Math.floor(((shard - 1) * units) / shards);
  const endUnit = Math.floor((shard * units) / shards);
  const parts: ShardPart[] = [];
  for (let u = firstUnit; u < endUnit; ) {
    const replicate = Math.floor(u / blocks);
    const firstBlock = u % blocks;
    const endBlock = Math.min(blocks, firstBlock + (endUnit - u));
    const first = firstBlock * cohortBlockSize;
    parts.push({ replicate, first, count: Math.min(size, endBlock * cohortBlockSize) - first, firstBlock, blocks: endBlock - firstBlock });
    u += endBlock - firstBlock;
  }
  return { shard, shards, parts };
}

/** Parses `K/N` (as `--shard` takes it): 1 ≤ K ≤ N ≤ 100,000. */
export function parseShardFlag(text: string): { readonly shard: number; readonly shards: number } {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  const shard = match === null ? NaN : Number(match[1]);
  const shards = match === null ? NaN : Number(match[2]);
  if (match === null || shards < 1 || shards > 100_000 || shard < 1 || shard > shards) {
    throw new InputError(`pnen-sim simulate: --shard: expected K/N with 1 <= K <= N <= 100000 (e.g. 3/8: the third of eight shards), got '${text.slice(0, 40)}'`);
  }
  return { shard, shards };
}
