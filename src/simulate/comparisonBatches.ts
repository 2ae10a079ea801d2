import { twoGroupEfronCoxFromCounts } from "../analysis/twoGroupEfronCox.js";
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
  const scratch = batchScratch(2 * monteCarloBatchSize);
  for (let blockStart = first; blockStart < first + count; blockStart += cohortBlockSize) {
    const blockEnd = Math.min(blockStart + cohortBlockSize, first + count);
    const full = Math.floor((blockEnd - blockStart) / monteCarloBatchSize);
    const cuts: number[] = [blockStart];
    for (let k = 1; k < full; k++) cuts.push(blockStart + k * monteCarloBatchSize);
    cuts.push(blockEnd);
    for (let k = 0; k + 1 < cuts.length; k++) batches.push(batchStatistics(reference, other, cuts[k], cuts[k + 1], keep, tau, scratch));
  }
  return batches;
}

/** Working arrays of {@link batchStatistics}, for batches of up to `capacity` patients. */
interface BatchScratch {
  /** Per group (0 reference, 1 other): event times and censoring times, sorted in place. */
  readonly events: [Float64Array, Float64Array];
  readonly censored: [Float64Array, Float64Array];
  /** Per distinct event time: the time, and interleaved per group (as an event table) the numbers at risk and events. */
  readonly time: Float64Array;
  readonly nRisk: Float64Array;
  readonly nEvent: Float64Array;
}

function batchScratch(capacity: number): BatchScratch {
  return {
    events: [new Float64Array(capacity), new Float64Array(capacity)],
    censored: [new Float64Array(capacity), new Float64Array(capacity)],
    time: new Float64Array(2 * capacity),
    nRisk: new Float64Array(4 * capacity),
    nEvent: new Float64Array(4 * capacity),
  };
}

/**
 * The statistics of patients [from, to) (those `keep` selects): each group's event and censoring times sorted
 * (typed-array sorts), merged into the distinct event times with the numbers at risk and events per group (events
 * before censorings at a tied time, as R's survival; exact ties only — the batch values feed a spread, not a
 * published estimate), then the Efron Cox log HR (src/analysis `twoGroupEfronCoxFromCounts`), each group's
 * Kaplan–Meier median as print(survfit) reads it, and the RMSTs to tau. O(batch log batch), no allocation beyond
 * the result.
 */
function batchStatistics(reference: EndpointColumns, other: EndpointColumns, from: number, to: number, keep: ArrayLike<number> | null, tau: number | null, scratch: BatchScratch): ComparisonBatch {
  const counts = [[0, 0], [0, 0]]; // [group][0 events, 1 censored]
  const columns = [reference, other];
  for (let i = from; i < to; i++) {
    if (keep !== null && keep[i] !== 1) continue;
    for (let g = 0; g < 2; g++) {
      const t = columns[g].time[i];
      if (columns[g].event[i] === 1) scratch.events[g][counts[g][0]++] = t;
      else scratch.censored[g][counts[g][1]++] = t;
    }
  }
  const patients = counts[0][0] + counts[0][1];
  if (patients === 0) return { patients, logHazardRatio: NaN, medianDifference: NaN, rmstDifference: NaN };
  const events = [scratch.events[0].subarray(0, counts[0][0]).sort(), scratch.events[1].subarray(0, counts[1][0]).sort()];
  const censored = [scratch.censored[0].subarray(0, counts[0][1]).sort(), scratch.censored[1].subarray(0, counts[1][1]).sort()];
  // merge: distinct event times in order, with the numbers at risk just before each (censored at an earlier time gone)
  const { time, nRisk, nEvent } = scratch;
  const e = [0, 0];
  const c = [0, 0];
  let rows = 0;
  for (;;) {
    const next = Math.min(e[0] < events[0].length ? events[0][e[0]] : Infinity, e[1] < events[1].length ? events[1][e[1]] : Infinity);
    if (next === Infinity) break;
    for (let g = 0; g < 2; g++) {
      while (c[g] < censored[g].length && censored[g][c[g]] < next) c[g]++;
      nRisk[2 * rows + g] = patients - e[g] - c[g];
      let d = 0;
      while (e[g] < events[g].length && events[g][e[g]] === next) {
        e[g]++;
        d++;
      }
      nEvent[2 * rows + g] = d;
    }
    time[rows++] = next;
  }
  const fit = twoGroupEfronCoxFromCounts(rows, nRisk, nEvent);
  const median0 = groupMedian(time, nRisk, nEvent, rows, 0);
  const median1 = groupMedian(time, nRisk, nEvent, rows, 1);
  return {
    patients,
    logHazardRatio: fit === null ? NaN : fit.logHazardRatio,
    medianDifference: median0 === null || median1 === null ? NaN : median1 - median0,
    rmstDifference: tau === null ? NaN : groupRmst(time, nRisk, nEvent, rows, 1, tau) - groupRmst(time, nRisk, nEvent, rows, 0, tau),
  };
}

const halfTolerance = Math.sqrt(2.220446049250313e-16);

/** A group's Kaplan–Meier median as print(survfit) (src/analysis kaplanMeier): the first time the curve is below ½ (within √ε); at exactly ½, the midpoint to its next drop. */
function groupMedian(time: Float64Array, nRisk: Float64Array, nEvent: Float64Array, rows: number, g: number): number | null {
  let survival = 1;
  for (let r = 0; r < rows; r++) {
    const d = nEvent[2 * r + g];
    if (d === 0) continue;
    survival *= 1 - d / nRisk[2 * r + g];
    if (survival < 0.5 + halfTolerance) {
      if (Math.abs(survival - 0.5) >= halfTolerance) return time[r];
      for (let j = r + 1; j < rows; j++) if (nEvent[2 * j + g] > 0) return (time[r] + time[j]) / 2;
      return time[r];
    }
  }
  return null;
}

/** A group's restricted mean survival time to tau: the area under its Kaplan–Meier curve on [0, tau]. */
function groupRmst(time: Float64Array, nRisk: Float64Array, nEvent: Float64Array, rows: number, g: number, tau: number): number {
  let survival = 1;
  let area = 0;
  let last = 0;
  for (let r = 0; r < rows && time[r] <= tau; r++) {
    const d = nEvent[2 * r + g];
    if (d === 0) continue;
    area += survival * (time[r] - last);
    last = time[r];
    survival *= 1 - d / nRisk[2 * r + g];
  }
  return area + survival * (tau - last);
}
