import { cohortBlockSize } from "../cohort/generateCohort.js";
import { InputError } from "../util/InputError.js";

/** The patients of one shard of a run: whole blocks of the simulation's random sub-streams. */
export interface ShardRange {
  /** Shard number, 1 … shards. */
  readonly shard: number;
  readonly shards: number;
  /** First patient (0-based, a multiple of 4,096) and number of patients. */
  readonly first: number;
  readonly count: number;
  /** First block and number of blocks (blocks of 4,096 patients; the run's last block may be shorter). */
  readonly firstBlock: number;
  readonly blocks: number;
}

/**
 * Shard `shard` of `shards` (1-based, as `--shard K/N`) of a run of `size` patients: the run's B = ⌈size / 4,096⌉
 * blocks are dealt out in order, shard K getting blocks ⌊(K − 1)·B / N⌋ … ⌊K·B / N⌋ − 1, so the shards' sizes differ
 * by at most one block whether or not N divides B (7 shards of 9 blocks: 1, 1, 1, 2, 1, 1, 2). Each block draws from
 * its own random sub-streams (src/simulate simulateRange), so the shards together hold exactly the patients and
 * outcomes of the single-process run. A shard needs at least one block: N ≤ B. O(1).
 */
export function shardRange(size: number, shards: number, shard: number): ShardRange {
  if (!Number.isInteger(shards) || shards < 1) throw new InputError(`--shard: the number of shards must be a positive integer, got ${shards}`);
  if (!Number.isInteger(shard) || shard < 1 || shard > shards) throw new InputError(`--shard: the shard must be an integer from 1 to ${shards}, got ${shard}`);
  const totalBlocks = Math.ceil(size / cohortBlockSize);
  if (shards > totalBlocks) throw new InputError(`--shard: ${shards} shards of ${size.toLocaleString("en-US")} patients: a shard holds whole blocks of ${cohortBlockSize.toLocaleString("en-US")} patients and there are only ${totalBlocks}; use at most ${totalBlocks} shards or more patients`);
  const firstBlock = Math.floor(((shard - 1) * totalBlocks) / shards);
  const endBlock = Math.floor((shard * totalBlocks) / shards);
  const first = firstBlock * cohortBlockSize;
  const end = Math.min(size, endBlock * cohortBlockSize);
  return { shard, shards, first, count: end - first, firstBlock, blocks: endBlock - firstBlock };
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
