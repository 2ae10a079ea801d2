import type { KaplanMeierResult } from "./KaplanMeierResult.js";
import { countBelow } from "../util/sortedSearch.js";
import { withArrayJson } from "../util/typedArraysAsArrays.js";

/** A Kaplan–Meier curve read at chosen times (landmarks), as R's `summary(fit, times = ...)`. */
export interface SurvivalAtResult {
  /** The requested times, ascending; with extend = false, those after the last time are dropped. */
  readonly time: Float64Array;
  /** Number at risk at each time (subjects with follow-up ≥ time). */
  readonly nRisk: Float64Array;
  /** Events in (previous requested time, time]; for the first, all events up to it. */
  readonly nEvent: Float64Array;
  /** Censorings in the same intervals. */
  readonly nCensor: Float64Array;
  readonly survival: Float64Array;
  readonly stdErr: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/**
 * Survival at given times (e.g. 12, 24 and 60 months): the curve is a step function, so each value is
 * the one at the last distinct time ≤ the requested time (1, with standard error 0, before the first).
 * As `summary(fit, times = times, extend = extend)`: times are sorted; non-finite times are dropped, and
 * so are times after the last follow-up unless `extend` is true. Runs in O((rows + k) log k).
 */
export function survivalAt(km: KaplanMeierResult, times: readonly number[], options: { readonly extend?: boolean } = {}): SurvivalAtResult {
  const rows = km.time.length;
  const last = rows === 0 ? -Infinity : km.time[rows - 1]!;
  const kept = times.filter((t) => Number.isFinite(t) && (options.extend === true || t <= last)).sort((a, b) => a - b);
  const k = kept.length;
  const result = {
    time: Float64Array.from(kept),
    nRisk: new Float64Array(k),
    nEvent: new Float64Array(k),
    nCensor: new Float64Array(k),
    survival: new Float64Array(k),
    stdErr: new Float64Array(k),
    lower: new Float64Array(k),
    upper: new Float64Array(k),
  };
  let row = 0; // rows [0, row) have time ≤ current requested time
  for (let j = 0; j < k; j++) {
    const t = kept[j]!;
    let intervalEvents = 0;
    let intervalCensorings = 0;
    while (row < rows && km.time[row]! <= t) {
      intervalEvents += km.nEvent[row]!;
      intervalCensorings += km.nCensor[row]!;
      row++;
    }
    result.nEvent[j] = intervalEvents;
    result.nCensor[j] = intervalCensorings;
    if (row === 0) {
      result.survival[j] = 1;
      result.stdErr[j] = 0;
      result.lower[j] = 1;
      result.upper[j] = 1;
    } else {
      result.survival[j] = km.survival[row - 1]!;
      result.stdErr[j] = km.stdErr[row - 1]!;
      result.lower[j] = km.lower[row - 1]!;
      result.upper[j] = km.upper[row - 1]!;
    }
    result.nRisk[j] = atRisk(km, t);
  }
  return withArrayJson(result);
}

/**
 * Numbers at risk on a time grid, for the risk table under a Kaplan–Meier figure: for each grid time
 * (in the order given), the number of subjects still followed at that time, as
 * `summary(fit, times = grid, extend = TRUE)$n.risk`. Runs in O(k log rows).
 */
export function numbersAtRisk(km: KaplanMeierResult, grid: readonly number[]): Float64Array {
  return Float64Array.from(grid, (t) => atRisk(km, t));
}

/** Number at risk at time t: that of the first distinct time ≥ t, or 0 after the last. */
function atRisk(km: KaplanMeierResult, t: number): number {
  const first = countBelow(km.time, t);
  return first < km.time.length ? km.nRisk[first]! : 0;
}
