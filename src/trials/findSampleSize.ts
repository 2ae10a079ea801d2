import { InputError } from "../util/InputError.js";
import { analyticPower } from "./analyticPower.js";
import type { PowerResult } from "./PowerResult.js";
import { resolveDesign } from "./resolveDesign.js";
import { summarizePower } from "./summarizePower.js";
import type { TrialDesign } from "./TrialDesign.js";
import { runTrialsInThread, type TrialRunner } from "./TrialRunner.js";
import { maximumTrialSize } from "./parseTrialDesign.js";

/** One evaluated sample size of the search. */
export interface SampleSizeStep {
  readonly n: number;
  readonly power: number;
  readonly lower: number;
  readonly upper: number;
}

export interface SampleSizeResult {
  /** Smallest evaluated n (a multiple of the allocation block) whose simulated power reached the target. */
  readonly n: number;
  readonly targetPower: number;
  /** The full simulated answer at that n. */
  readonly result: PowerResult;
  /** Schoenfeld's n for the target (the search's starting point) and Freedman's. */
  readonly schoenfeldN: number;
  readonly freedmanN: number;
  /** Every n simulated, in the order evaluated. */
  readonly steps: readonly SampleSizeStep[];
  /**
   * Approximate Monte Carlo standard error of n: the power's standard error divided by the slope of power
   * against n near the answer (from the bracketing evaluations). NaN when the slope is not available.
   */
  readonly nStandardError: number;
  readonly method: string;
}

/**
 * The sample size giving `targetPower`, by search over n on the simulated power:
 *
 *   Schoenfeld's n (analytic start) → bracket: step ×1.25 up (or ×0.8 down) until the target is crossed
 *   → bisection on n, in multiples of the allocation block, until the bracket is one block wide
 *
 * Every n uses the same seeds (trial i draws from `subStream(seed, "trial", i)` and the first n patients of a
 * larger trial are the smaller trial: common random numbers), so the simulated power is nearly monotone in n
 * and the comparison between two n is much less noisy than two independent runs. The answer still carries
 * Monte Carlo error: see `nStandardError`. Cost: about 6–12 evaluations of `sims` trials.
 */
export async function findSampleSize(design: TrialDesign, targetPower: number, runner: TrialRunner = runTrialsInThread): Promise<SampleSizeResult> {
  if (design.targetEvents !== null) throw new InputError("findSampleSize: the design is event-driven (targetEvents): its power is set by the number of events, not by n; remove targetEvents to search over n");
  if (!(targetPower > 0 && targetPower < 1)) throw new InputError(`findSampleSize: target power: expected a number between 0 and 1, got ${targetPower}`);
  const resolved = resolveDesign(design);
  const unit = resolved.block?.length ?? 1;
  const minimumN = Math.max(2 * unit, unit * Math.ceil(4 / unit));
  const maximumN = maximumTrialSize;
  const roundUp = (value: number) => Math.min(maximumN, Math.max(minimumN, unit * Math.ceil(value / unit)));
  const analytic = analyticPower(resolved, design.n, targetPower).comparisons[0];
  const schoenfeldN = analytic.schoenfeld.n ?? NaN;
  const freedmanN = analytic.freedman.n ?? NaN;
  if (resolved.comparisonAlpha >= 1 || !Number.isFinite(analytic.hazardRatio) || Math.abs(Math.log(analytic.hazardRatio)) < 1e-9) {
    throw new InputError("findSampleSize: the arms do not differ (hazard ratio 1): no sample size reaches a power above alpha");
  }

  const results = new Map<number, PowerResult>();
  const steps: SampleSizeStep[] = [];
  const evaluate = async (n: number): Promise<PowerResult> => {
    const cached = results.get(n);
    if (cached !== undefined) return cached;
    const result = summarizePower(resolved, n, await runner(design, n), targetPower);
    results.set(n, result);
    steps.push({ n, power: result.power, lower: result.lower, upper: result.upper });
    return result;
  };

  let low: number;
  let high: number;
  const start = roundUp(Number.isFinite(schoenfeldN) ? schoenfeldN : design.n);
  if ((await evaluate(start)).power >= targetPower) {
    high = start;
    low = Math.max(minimumN, Math.min(roundUp(start * 0.8), start - unit));
    while (low > minimumN && (await evaluate(low)).power >= targetPower) {
      high = low;
      low = Math.max(minimumN, Math.min(roundUp(low * 0.8), low - unit));
    }
    if (low === minimumN && (await evaluate(low)).power >= targetPower) high = low;
  } else {
    low = start;
    high = roundUp(start * 1.25);
    while ((await evaluate(high)).power < targetPower) {
      if (high >= maximumN) throw new InputError(`findSampleSize: the target power ${targetPower} is not reached with ${maximumN} patients (check the follow-up: with few events per patient no n is enough)`);
      low = high;
      high = roundUp(high * 1.25);
    }
  }
  while (high - low > unit) {
    const middle = roundUp((low + high) / 2 - unit / 2);
    if (middle <= low || middle >= high) break;
    if ((await evaluate(middle)).power >= targetPower) high = middle;
    else low = middle;
  }
  const result = await evaluate(high);
  return {
    n: high,
    targetPower,
    result,
    schoenfeldN,
    freedmanN,
    steps,
    nStandardError: nStandardError(steps, high, result),
    method: `bracket from Schoenfeld's n (${schoenfeldN}) and bisection over n in steps of ${unit}, ${design.sims} simulated trials per n with common random numbers`,
  };
}

/** SE(n) ≈ SE(power) / slope, the slope from the evaluated n nearest the answer on each side. */
function nStandardError(steps: readonly SampleSizeStep[], n: number, result: PowerResult): number {
  const sorted = [...steps].sort((a, b) => a.n - b.n);
  const index = sorted.findIndex((step) => step.n === n);
  const below = sorted[index - 1];
  const wider = sorted.filter((step) => Math.abs(step.n - n) >= Math.max(4, 0.1 * n));
  const partner = wider.length > 0 ? wider.reduce((best, step) => (Math.abs(step.n - n) < Math.abs(best.n - n) ? step : best)) : below;
  if (partner === undefined) return NaN;
  const slope = (result.power - partner.power) / (n - partner.n);
  return slope > 0 ? result.standardError / slope : NaN;
}
