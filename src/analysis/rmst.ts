import { codeLabels, eventTableCore, validateSurvivalData, type Label } from "./eventTable.js";
import { kaplanMeierFromTable } from "./kaplanMeier.js";
import type { KaplanMeierResult } from "./KaplanMeierResult.js";
import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import { normalTwoSidedP } from "../math/normalTwoSidedP.js";

/** Restricted mean survival time up to tau, with its standard error and a normal-theory interval. */
export interface RmstResult {
  readonly tau: number;
  readonly estimate: number;
  readonly stdErr: number;
  readonly lower: number;
  readonly upper: number;
  readonly confLevel: number;
}

/** Two groups compared by RMST, as survRM2's `rmst2`: the second level against the first. */
export interface RmstDifferenceResult {
  readonly tau: number;
  readonly confLevel: number;
  /** [reference, comparison] in level order. */
  readonly groups: readonly [string, string];
  readonly arms: readonly [RmstResult, RmstResult];
  /** RMST(comparison) − RMST(reference). */
  readonly difference: { readonly estimate: number; readonly stdErr: number; readonly lower: number; readonly upper: number; readonly p: number };
  /** RMST(comparison) / RMST(reference), with limits and p-value on the log scale. */
  readonly ratio: { readonly estimate: number; readonly lower: number; readonly upper: number; readonly p: number };
}

/**
 * The restricted mean survival time: the area under the Kaplan–Meier curve from 0 to tau, as
 * `print(survfit(...), rmean = tau)` and survRM2's `rmst1`. Its variance is
 * Σ_{tᵢ ≤ tau} A(tᵢ)² dᵢ / (nᵢ (nᵢ − dᵢ)), where A(tᵢ) is the area under the curve between tᵢ and tau
 * (terms with nᵢ = dᵢ count zero, as in R). Runs in O(n log n).
 */
export function rmst(time: ArrayLike<number>, event: ArrayLike<number | boolean>, tau: number, options: { readonly confLevel?: number; readonly timefix?: boolean } = {}): RmstResult {
  const status = validateSurvivalData("rmst", time, event);
  checkTau("rmst", tau);
  const none = new Int32Array(time.length);
  const table = eventTableCore(time, status, none, ["all"], none, ["all"], options.timefix ?? true);
  return rmstFromKaplanMeier(kaplanMeierFromTable(table, 0, 0), tau, options.confLevel);
}

/** {@link rmst} from a Kaplan–Meier curve already computed (only its time, nRisk, nEvent and survival are used). */
export function rmstFromKaplanMeier(km: KaplanMeierResult, tau: number, confLevel = 0.95): RmstResult {
  checkTau("rmstFromKaplanMeier", tau);
  // Rectangles: [0, t1) at 1, [t1, t2) at S(t1), …, [t_last ≤ tau, tau) at S(t_last).
  const kept: number[] = [];
  for (let i = 0; i < km.time.length && km.time[i]! <= tau; i++) kept.push(i);
  const times = [...kept.map((i) => km.time[i]!), tau];
  const heights = [1, ...kept.map((i) => km.survival[i]!)];
  const areas = times.map((t, j) => (t - (j === 0 ? 0 : times[j - 1]!)) * heights[j]!);
  const estimate = areas.reduce((a, b) => a + b, 0);
  // Variance: the area after each time, squared, times the Greenwood increment at that time.
  let variance = 0;
  let areaAfter = 0;
  for (let j = kept.length - 1; j >= 0; j--) {
    areaAfter += areas[j + 1]!;
    const i = kept[j]!;
    const atRisk = km.nRisk[i]!;
    const deaths = km.nEvent[i]!;
    const increment = atRisk === deaths ? 0 : deaths / (atRisk * (atRisk - deaths));
    variance += areaAfter * areaAfter * increment;
  }
  const stdErr = Math.sqrt(variance);
  const z = inverseNormalCdf(1 - (1 - confLevel) / 2);
  return { tau, estimate, stdErr, lower: estimate - z * stdErr, upper: estimate + z * stdErr, confLevel };
}

/**
 * RMST in two groups, their difference and ratio, as survRM2's `rmst2(time, status, arm, tau)`: the
 * difference has standard error √(v₁ + v₀); the ratio's interval and p-value use log(ratio) with
 * standard error √(v₁ / μ₁² + v₀ / μ₀²). Throws unless there are exactly two groups. Runs in O(n log n).
 */
export function rmstDifference(
  time: ArrayLike<number>,
  event: ArrayLike<number | boolean>,
  group: ArrayLike<Label>,
  tau: number,
  options: { readonly confLevel?: number; readonly groupLevels?: readonly string[]; readonly timefix?: boolean } = {},
): RmstDifferenceResult {
  const status = validateSurvivalData("rmstDifference", time, event);
  checkTau("rmstDifference", tau);
  const confLevel = options.confLevel ?? 0.95;
  const coding = codeLabels("rmstDifference", "group", group, time.length, options.groupLevels);
  if (coding.levels.length !== 2) throw new RangeError(`rmstDifference requires exactly two groups, got ${coding.levels.length}`);
  // One curve per arm from the arm's own event table, as survRM2 fits survfit() on each arm (this
  // matters only for R's timefix, which looks at the times of the data it is given).
  const arm = (level: number): RmstResult => {
    const armTime: number[] = [];
    const armStatus: number[] = [];
    for (let i = 0; i < time.length; i++) {
      if (coding.index[i] !== level) continue;
      armTime.push(time[i]!);
      armStatus.push(status[i]!);
    }
    const none = new Int32Array(armTime.length);
    const table = eventTableCore(armTime, Uint8Array.from(armStatus), none, ["all"], none, ["all"], options.timefix ?? true);
    return rmstFromKaplanMeier(kaplanMeierFromTable(table, 0, 0), tau, confLevel);
  };
  return rmstContrast(arm(0), arm(1), [coding.levels[0]!, coding.levels[1]!]);
}

/**
 * The difference and ratio of two RMSTs computed with the same tau and confidence level (the numeric
 * core of {@link rmstDifference}): `comparison` against `reference`. Runs in constant time.
 */
export function rmstContrast(reference: RmstResult, comparison: RmstResult, groups: readonly [string, string]): RmstDifferenceResult {
  const { tau, confLevel } = reference;
  const z = inverseNormalCdf(1 - (1 - confLevel) / 2);
  const difference = comparison.estimate - reference.estimate;
  const differenceSe = Math.sqrt(comparison.stdErr ** 2 + reference.stdErr ** 2);
  const logRatio = Math.log(comparison.estimate / reference.estimate);
  const logRatioSe = Math.sqrt(comparison.stdErr ** 2 / comparison.estimate ** 2 + reference.stdErr ** 2 / reference.estimate ** 2);
  return {
    tau,
    confLevel,
    groups,
    arms: [reference, comparison],
    difference: { estimate: difference, stdErr: differenceSe, lower: difference - z * differenceSe, upper: difference + z * differenceSe, p: normalTwoSidedP(difference / differenceSe) },
    ratio: { estimate: Math.exp(logRatio), lower: Math.exp(logRatio - z * logRatioSe), upper: Math.exp(logRatio + z * logRatioSe), p: normalTwoSidedP(logRatio / logRatioSe) },
  };
}

/** The largest tau: the variance sums squared areas (≤ tau²), which must stay finite. */
export const maxRmstTau = 1e150;

function checkTau(caller: string, tau: number): void {
  if (!(Number.isFinite(tau) && tau > 0)) throw new RangeError(`${caller}: tau must be a positive number, got ${String(tau)}`);
  if (tau > maxRmstTau) throw new RangeError(`${caller}: tau must be at most ${maxRmstTau} (its square enters the variance and would overflow), got ${String(tau)}`);
}
