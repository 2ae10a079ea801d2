import { eventTableCore } from "../analysis/eventTable.js";
import { kaplanMeierFromTable } from "../analysis/kaplanMeier.js";
import { rmstFromKaplanMeier } from "../analysis/rmst.js";
import { twoGroupEfronCox } from "../analysis/twoGroupEfronCox.js";
import { cohortBlockSize } from "../cohort/generateCohort.js";

/** Patients per batch of the batch-means Monte Carlo error: 8 batches per block of 4,096. */
export const monteCarloBatchSize = 512;

/** Survival data of one strategy, patient i at index i (the same patients under every strategy). */
export interface EndpointColumns {
  readonly time: ArrayLike<number>;
  readonly event: ArrayLike<number>;
}

/** The statistics of one batch of patients under two strategies (a paired comparison). */
export interface ComparisonBatch {
  /** Patients of the batch (of the subgroup, when a mask is given). */
  readonly patients: number;
  /** Cox log hazard ratio, other strategy vs reference (Efron ties); NaN when not estimable. */
  readonly logHazardRatio: number;
  /** Kaplan–Meier median of the other strategy minus the reference's, months; NaN when either is not reached. */
  readonly medianDifference: number;
  /** Restricted mean survival time to `tau` of the other strategy minus the reference's, months; NaN without `tau`. */
  readonly rmstDifference: number;
}

const groups = ["reference", "other"] as const;
const oneStratum = ["all"] as const;

/**
 * The batches of patients [first, first + count) of a run, for the Monte Carlo error of a paired comparison by batch
 * means: each block of 4,096 patients (the blocks of the simulation's random sub-streams) is cut into batches of
 * {@link monteCarloBatchSize}, a block's last shorter batch joining the one before it (a block of fewer than 512
 * patients is one batch). Batches never straddle blocks, so a run split into shards of whole blocks (issue 15) gets
 * the same batches: concatenate the shards' lists in block order. `first` must be a multiple of 4,096. `keep`
 * (1 = in the subgroup), indexed like the columns, restricts every batch to a subgroup.
 *
 * Each batch holds the same patients under both strategies — common random numbers — so the spread of the batch
 * statistics is the paired Monte Carlo spread of the difference. Per batch: the Efron Cox log hazard ratio and the
 * difference of Kaplan–Meier medians (src/analysis, on one event table), and with `tau` the difference of restricted
 * mean survival times to tau. O(count log batch).
 */
export function comparisonBatches(reference: EndpointColumns, other: EndpointColumns, first: number, count: number, keep: ArrayLike<number> | null = null, tau: number | null = null): ComparisonBatch[] {
  if (first % cohortBlockSize !== 0) throw new RangeError(`comparisonBatches: first (${first}) must be a multiple of ${cohortBlockSize}`);
  const batches: ComparisonBatch[] = [];
  const time = new Float64Array(2 * (2 * monteCarloBatchSize));
  const status = new Uint8Array(time.length);
  const group = new Int32Array(time.length);
  const stratum = new Int32Array(time.length);
  for (let blockStart = first; blockStart < first + count; blockStart += cohortBlockSize) {
    const blockEnd = Math.min(blockStart + cohortBlockSize, first + count);
    const full = Math.floor((blockEnd - blockStart) / monteCarloBatchSize);
    const cuts: number[] = [blockStart];
    for (let k = 1; k < full; k++) cuts.push(blockStart + k * monteCarloBatchSize);
    cuts.push(blockEnd);
    for (let k = 0; k + 1 < cuts.length; k++) {
      let rows = 0;
      for (let i = cuts[k]; i < cuts[k + 1]; i++) {
        if (keep !== null && keep[i] !== 1) continue;
        time[rows] = reference.time[i];
        status[rows] = reference.event[i];
        group[rows] = 0;
        time[rows + 1] = other.time[i];
        status[rows + 1] = other.event[i];
        group[rows + 1] = 1;
        rows += 2;
      }
      batches.push(batchStatistics(time, status, group, stratum, rows, tau));
    }
  }
  return batches;
}

function batchStatistics(time: Float64Array, status: Uint8Array, group: Int32Array, stratum: Int32Array, rows: number, tau: number | null): ComparisonBatch {
  const patients = rows / 2;
  if (patients === 0) return { patients, logHazardRatio: NaN, medianDifference: NaN, rmstDifference: NaN };
  const table = eventTableCore(time.subarray(0, rows), status.subarray(0, rows), group.subarray(0, rows), groups, stratum.subarray(0, rows), oneStratum);
  const fit = twoGroupEfronCox(table);
  const kmReference = kaplanMeierFromTable(table, 0, 0);
  const kmOther = kaplanMeierFromTable(table, 1, 0);
  const medianReference = kmReference.median.estimate;
  const medianOther = kmOther.median.estimate;
  return {
    patients,
    logHazardRatio: fit === null ? NaN : fit.logHazardRatio,
    medianDifference: medianReference === null || medianOther === null ? NaN : medianOther - medianReference,
    rmstDifference: tau === null ? NaN : rmstFromKaplanMeier(kmOther, tau).estimate - rmstFromKaplanMeier(kmReference, tau).estimate,
  };
}
