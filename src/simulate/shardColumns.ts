import { type CohortColumns, allocateCohortColumns, cohortColumnNames } from "../cohort/CohortColumns.js";
import { type StrategyColumns, allocateStrategyColumns } from "./simulateRange.js";

/** The outcome columns of a strategy, in the order a shard stores them. */
export const strategyColumnNames = ["pathway", "pfsMonths", "pfsEvent", "osMonths", "osEvent", "linesStarted", "line1Months", "line2Months"] as const satisfies readonly (keyof StrategyColumns)[];

type Column = Uint8Array | Uint16Array | Float32Array | Float64Array;

const padded = (bytes: number) => Math.ceil(bytes / 8) * 8;

function columnsOf(cohort: CohortColumns | null, outcomes: readonly StrategyColumns[]): Column[] {
  const list: Column[] = [];
  if (cohort !== null) for (const name of cohortColumnNames) list.push(cohort[name]);
  for (const o of outcomes) for (const name of strategyColumnNames) list.push(o[name]);
  return list;
}

/**
 * The bytes of one chunk of a shard (src/simulate runShardNode): the first `count` entries of each column — the
 * cohort's (when given: the base case only; the replicates reuse its patients) then each strategy's outcome
 * columns — raw, in the platform's byte order (little-endian on every platform Node supports), each padded to 8
 * bytes so that it can be viewed in place. Exact: no number is converted. O(count × columns).
 */
export function encodeShardChunk(cohort: CohortColumns | null, outcomes: readonly StrategyColumns[], count: number): Uint8Array {
  const columns = columnsOf(cohort, outcomes);
  const bytes = new Uint8Array(columns.reduce((sum, c) => sum + padded(count * c.BYTES_PER_ELEMENT), 0));
  let offset = 0;
  for (const c of columns) {
    bytes.set(new Uint8Array(c.buffer, c.byteOffset, count * c.BYTES_PER_ELEMENT), offset);
    offset += padded(count * c.BYTES_PER_ELEMENT);
  }
  return bytes;
}

/** The size in bytes of a chunk of `count` patients (see {@link encodeShardChunk}). */
export function shardChunkBytes(count: number, strategies: number, withCohort: boolean): number {
  return columnsOf(withCohort ? allocateCohortColumns(0) : null, Array.from({ length: strategies }, () => allocateStrategyColumns(0))).reduce((sum, c) => sum + padded(count * c.BYTES_PER_ELEMENT), 0);
}

/** Reads a chunk written by {@link encodeShardChunk} into fresh columns. `bytes` must start 8-byte aligned. */
export function decodeShardChunk(bytes: Uint8Array, count: number, strategies: number, withCohort: boolean): { readonly cohort: CohortColumns | null; readonly outcomes: StrategyColumns[] } {
  const cohort = withCohort ? allocateCohortColumns(count) : null;
  const outcomes = Array.from({ length: strategies }, () => allocateStrategyColumns(count));
  let offset = 0;
  for (const c of columnsOf(cohort, outcomes)) {
    const length = count * c.BYTES_PER_ELEMENT;
    new Uint8Array(c.buffer, c.byteOffset, length).set(bytes.subarray(offset, offset + length));
    offset += padded(length);
  }
  return { cohort, outcomes };
}
