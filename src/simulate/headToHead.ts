import { kaplanMeier } from "../analysis/kaplanMeier.js";
import type { KaplanMeierResult } from "../analysis/KaplanMeierResult.js";
import { rmstFromKaplanMeier } from "../analysis/rmst.js";
import { survivalAt } from "../analysis/survivalAt.js";
import { cohortBlockSize } from "../cohort/generateCohort.js";
import { batchMeansInterval, type MonteCarloInterval } from "./batchMeansInterval.js";
import { comparisonBatches, monteCarloBatchSize, type EndpointColumns } from "./comparisonBatches.js";

/** A difference (strategy minus reference) with its paired Monte Carlo interval. */
export interface HeadToHeadDifference {
  readonly estimate: number | null;
  readonly monteCarlo: MonteCarloInterval;
}

/** Survival of both strategies at one time and their difference. */
export interface HeadToHeadPoint {
  readonly months: number;
  readonly reference: number;
  readonly strategy: number;
  readonly difference: HeadToHeadDifference;
}

/** One strategy against a chosen reference on one endpoint, on the same simulated patients. */
export interface HeadToHead {
  /** Survival difference S_strategy(t) − S_reference(t) on a time grid, with a pointwise 95% Monte Carlo band. */
  readonly curve: readonly HeadToHeadPoint[];
  /** Restricted mean survival time to tau, strategy minus reference, months. */
  readonly rmstDifference: HeadToHeadDifference & { readonly tau: number; readonly reference: number; readonly strategy: number };
  /** Survival at the requested landmark months. */
  readonly landmarks: readonly HeadToHeadPoint[];
}

const round = (x: number | null, digits = 4) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));
const roundInterval = (mc: MonteCarloInterval): MonteCarloInterval => ({ ...mc, lower: round(mc.lower), upper: round(mc.upper), standardError: round(mc.standardError, 6) });

/** Batches [from, to) of patients: 512 within each 4,096-patient block, a block's short tail joining the batch before (as comparisonBatches). */
function batchCuts(n: number): [number, number][] {
  const cuts: [number, number][] = [];
  for (let blockStart = 0; blockStart < n; blockStart += cohortBlockSize) {
    const blockEnd = Math.min(blockStart + cohortBlockSize, n);
    const full = Math.max(1, Math.floor((blockEnd - blockStart) / monteCarloBatchSize));
    for (let k = 0; k < full; k++) cuts.push([blockStart + k * monteCarloBatchSize, k === full - 1 ? blockEnd : blockStart + (k + 1) * monteCarloBatchSize]);
  }
  return cuts;
}

const survivalOn = (km: KaplanMeierResult, times: readonly number[]) => Array.from(survivalAt(km, times, { extend: true }).survival);

/**
 * A head-to-head comparison of two strategies run on the same synthetic patients (common random numbers): the
 * difference of their Kaplan–Meier curves over time and at landmark months, and the difference of restricted mean
 * survival times (RMST) to `tau`, each with its **Monte Carlo error** — how much the simulation's own randomness
 * could move it — by paired batch means (Law & Kelton, Simulation Modeling and Analysis, §9.5.3): the same batches of
 * 512 patients within the 4,096-patient blocks of the random sub-streams as {@link comparisonBatches}, a Kaplan–Meier
 * curve per strategy per batch, the spread of the batch differences giving the standard error of the whole-cohort
 * difference ({@link batchMeansInterval}). Parameter uncertainty (the published figures' own uncertainty) is not in
 * these intervals: it needs the probabilistic sensitivity replicates.
 *
 *   whole cohort ─ KM per strategy ─► S(t), RMST(τ) ─► differences (estimates)
 *   batches      ─ KM per strategy ─► differences   ─► batch means ─► 95% Monte Carlo intervals
 *
 * Browser-safe. O(n log n + batches × (grid + landmarks)).
 */
export function headToHead(
  reference: EndpointColumns,
  strategy: EndpointColumns,
  n: number,
  options: { readonly tau: number; readonly grid: readonly number[]; readonly landmarks?: readonly number[] },
): HeadToHead {
  if (!(options.tau > 0)) throw new RangeError(`headToHead requires tau > 0, got ${options.tau}`);
  const grid = [...options.grid];
  const landmarks = [...(options.landmarks ?? [])].filter((t) => Number.isFinite(t) && t >= 0).sort((a, b) => a - b);
  const times = [...grid, ...landmarks];
  const slice = (c: EndpointColumns, from: number, to: number) => kaplanMeier(Array.prototype.slice.call(c.time, from, to) as number[], Array.prototype.slice.call(c.event, from, to) as number[]);
  const kmReference = slice(reference, 0, n);
  const kmStrategy = slice(strategy, 0, n);
  const sReference = survivalOn(kmReference, times);
  const sStrategy = survivalOn(kmStrategy, times);
  // survivalAt sorts its times: read both back in sorted order, then map to the requested order.
  const sorted = [...times].sort((a, b) => a - b);
  const at = (values: number[], t: number) => values[sorted.indexOf(t)]!;

  const batchDifferences = batchCuts(n).map(([from, to]) => {
    const a = survivalOn(slice(reference, from, to), sorted);
    const b = survivalOn(slice(strategy, from, to), sorted);
    return { patients: to - from, differences: sorted.map((_, k) => b[k]! - a[k]!) };
  });
  const point = (t: number): HeadToHeadPoint => {
    const k = sorted.indexOf(t);
    const difference = at(sStrategy, t) - at(sReference, t);
    const mc = batchMeansInterval(difference, batchDifferences.map((b) => ({ patients: b.patients, value: b.differences[k]! })));
    return { months: t, reference: round(at(sReference, t))!, strategy: round(at(sStrategy, t))!, difference: { estimate: round(difference), monteCarlo: roundInterval(mc) } };
  };

  const rmstReference = rmstFromKaplanMeier(kmReference, options.tau).estimate;
  const rmstStrategy = rmstFromKaplanMeier(kmStrategy, options.tau).estimate;
  const rmstEstimate = rmstStrategy - rmstReference;
  const rmstBatches = comparisonBatches(reference, strategy, 0, n, null, options.tau);
  const rmstMc = batchMeansInterval(rmstEstimate, rmstBatches.map((b) => ({ patients: b.patients, value: b.rmstDifference })));
  return {
    curve: grid.map(point),
    rmstDifference: { tau: options.tau, reference: round(rmstReference)!, strategy: round(rmstStrategy)!, estimate: round(rmstEstimate), monteCarlo: roundInterval(rmstMc) },
    landmarks: landmarks.map(point),
  };
}
