import { accrualProfile } from "./accrual.js";
import { armEventProbability, integrationSteps } from "./eventProbability.js";
import { cumulativeHazard } from "./piecewiseHazard.js";
import { freedmanEvents, freedmanPower } from "./freedman.js";
import { designAccrualMonths, type ResolvedDesign } from "./resolveDesign.js";
import { schoenfeldEvents, schoenfeldPower } from "./schoenfeld.js";

/** The analytic answer for one treatment-vs-control comparison, shown beside the simulated one. */
export interface AnalyticComparison {
  readonly arm: string;
  /**
   * The hazard ratio the formulas use: the exact one under proportional hazards, otherwise the average of
   * log hazard ratios over follow-up weighted by the expected events (what drives the log-rank statistic).
   */
  readonly hazardRatio: number;
  readonly proportionalHazards: boolean;
  /** Range of the hazard ratio over follow-up: its 5% and 95% quantiles weighted by the expected events (equal under PH). */
  readonly hazardRatioRange: readonly [number, number];
  /** Fraction of the comparison's patients in the treatment arm (p) and allocation ratio φ = p / (1 − p). */
  readonly treatmentFraction: number;
  readonly allocationRatio: number;
  /** Probability that a patient has an observed event by the analysis, by arm. */
  readonly eventProbabilityControl: number;
  readonly eventProbabilityTreatment: number;
  /** Expected events in the two arms at the analysis. */
  readonly expectedEvents: number;
  readonly schoenfeld: FormulaAnswer;
  readonly freedman: FormulaAnswer;
}

/** One formula's answer: power at the expected events, events needed for the target power, and the n that gives them. */
export interface FormulaAnswer {
  readonly power: number;
  readonly events: number;
  /** Total sample size (all arms) giving those events; null for event-driven designs (n then only sets the duration). */
  readonly n: number | null;
}

export interface AnalyticPower {
  /** Patients randomised (all arms). */
  readonly n: number;
  /**
   * Probability that a randomised patient (any arm, in proportion to the allocation) has an observed event
   * by the analysis, over accrual, follow-up and dropout (rpact's overall `getEventProbabilities`).
   */
  readonly eventProbability: number;
  /** Expected events at the analysis, n · eventProbability (the same as `expectedEvents`). */
  readonly events: number;
  /**
   * Power of the first comparison at those events: Schoenfeld's, at the comparison's two-sided level,
   * both tails (rpact's `getPowerSurvival` with a two-sided one-look design).
   */
  readonly power: number;
  readonly targetPower: number;
  readonly accrualMonths: number;
  /** Calendar month of the analysis (accrual + follow-up, or when the target events are expected). */
  readonly analysisTime: number;
  /** Expected events in all arms. */
  readonly expectedEvents: number;
  readonly comparisons: readonly AnalyticComparison[];
}

/**
 * Schoenfeld's and Freedman's answers for the design with n patients: event probabilities over accrual,
 * follow-up and dropout ({@link armEventProbability}: exact for piecewise-exponential arms, numeric
 * otherwise), events → power, and the events and sample size for `targetPower`. Cost: O(arms · strata)
 * closed forms, or O(arms · strata · 4000) numerically (a few ms).
 */
export function analyticPower(resolved: ResolvedDesign, n: number, targetPower = 0.8): AnalyticPower {
  const { design } = resolved;
  const accrualMonths = designAccrualMonths(design, n);
  const analysisTime = design.targetEvents === null ? accrualMonths + design.followUpMonths : eventDrivenTime(resolved, n, accrualMonths, design.targetEvents);
  const probabilities = armEventProbabilities(resolved, accrualMonths, analysisTime);
  const eventProbability = probabilities.reduce((sum, p, arm) => sum + resolved.allocationFractions[arm] * p, 0);
  const expectedEvents = n * eventProbability;
  const comparisons = resolved.arms.slice(1).map((_, index) => comparison(resolved, n, index + 1, targetPower, accrualMonths, analysisTime, probabilities));
  return { n, eventProbability, events: expectedEvents, power: comparisons[0].schoenfeld.power, targetPower, accrualMonths, analysisTime, expectedEvents, comparisons };
}

/**
 * Probability of an observed event by calendar month `analysisTime`, per arm (strata pooled), for n's
 * accrual of `accrualMonths`. NaN when the analysis time is not finite.
 */
export function armEventProbabilities(resolved: ResolvedDesign, accrualMonths: number, analysisTime: number): number[] {
  const { design } = resolved;
  if (!Number.isFinite(analysisTime)) return resolved.arms.map(() => NaN);
  const profile = accrualProfile(design.accrual, accrualMonths);
  return resolved.arms.map((arm) =>
    resolved.stratumProportions.reduce((sum, proportion, s) => sum + proportion * armEventProbability(arm, resolved.stratumMultipliers[s], resolved.dropout, profile, analysisTime), 0),
  );
}

function comparison(resolved: ResolvedDesign, n: number, armIndex: number, targetPower: number, accrualMonths: number, analysisTime: number, probabilities: readonly number[]): AnalyticComparison {
  const { design } = resolved;
  const controlShare = resolved.allocationFractions[0];
  const treatmentShare = resolved.allocationFractions[armIndex];
  const treatmentFraction = treatmentShare / (controlShare + treatmentShare);
  const allocationRatio = treatmentShare / controlShare;
  const hazard = comparisonHazardRatio(resolved, armIndex, accrualMonths, analysisTime);
  const alpha = resolved.comparisonAlpha;
  const eventShare = controlShare * probabilities[0] + treatmentShare * probabilities[armIndex];
  const expectedEvents = n * eventShare;
  const answer = (power: (events: number) => number, events: number): FormulaAnswer => ({
    power: power(expectedEvents),
    events,
    n: design.targetEvents === null ? sampleSizeForEvents(resolved, armIndex, events) : null,
  });
  return {
    arm: design.arms[armIndex].label,
    hazardRatio: hazard.hazardRatio,
    proportionalHazards: hazard.proportionalHazards,
    hazardRatioRange: hazard.range,
    treatmentFraction,
    allocationRatio,
    eventProbabilityControl: probabilities[0],
    eventProbabilityTreatment: probabilities[armIndex],
    expectedEvents,
    schoenfeld: answer((d) => schoenfeldPower(d, hazard.hazardRatio, alpha, treatmentFraction), schoenfeldEvents(hazard.hazardRatio, alpha, targetPower, treatmentFraction)),
    freedman: answer((d) => freedmanPower(d, hazard.hazardRatio, alpha, allocationRatio), freedmanEvents(hazard.hazardRatio, alpha, targetPower, allocationRatio)),
  };
}

/**
 * Total n whose expected events in the comparison reach `events`: n = events / (Σ share · P(event)), iterated
 * because a rate-driven accrual lengthens with n (which raises P). Infinity when the events are out of reach.
 */
function sampleSizeForEvents(resolved: ResolvedDesign, armIndex: number, events: number): number {
  if (!Number.isFinite(events)) return Infinity;
  const { design } = resolved;
  let n = Math.max(design.n, 2);
  for (let iteration = 0; iteration < 30; iteration++) {
    const accrualMonths = designAccrualMonths(design, n);
    const probabilities = armEventProbabilities(resolved, accrualMonths, accrualMonths + design.followUpMonths);
    const share = resolved.allocationFractions[0] * probabilities[0] + resolved.allocationFractions[armIndex] * probabilities[armIndex];
    const next = events / share;
    if (!Number.isFinite(next)) return Infinity;
    if (Math.abs(next - n) < 1e-6 * n) {
      n = next;
      break;
    }
    n = next;
    if (design.accrual.kind === "duration") break;
  }
  return Math.ceil(n - 1e-9);
}

/** Calendar month at which n patients are expected to have `targetEvents` events (bisection); Infinity if never. */
function eventDrivenTime(resolved: ResolvedDesign, n: number, accrualMonths: number, targetEvents: number): number {
  const expected = (time: number) => n * armEventProbabilities(resolved, accrualMonths, time).reduce((sum, p, arm) => sum + resolved.allocationFractions[arm] * p, 0);
  let high = Math.max(accrualMonths, 1);
  while (expected(high) < targetEvents) {
    high *= 2;
    if (high > 1e5) return Infinity;
  }
  let low = 0;
  for (let step = 0; step < 50; step++) {
    const middle = (low + high) / 2;
    if (expected(middle) < targetEvents) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * The hazard ratio of arm `armIndex` to the control: exact under proportional hazards (an arm given as a
 * hazard ratio, or two Weibull arms of the same shape); otherwise exp of the average log hazard ratio over
 * grid intervals of follow-up, weighted by the expected events in each interval (pooled arms and strata),
 * with the 5% and 95% event-weighted quantiles of the hazard ratio as its range. O(4000 · strata).
 */
export function comparisonHazardRatio(resolved: ResolvedDesign, armIndex: number, accrualMonths: number, analysisTime: number): { hazardRatio: number; proportionalHazards: boolean; range: [number, number] } {
  const control = resolved.arms[0];
  const treatment = resolved.arms[armIndex];
  if (treatment.hazardRatioToControl !== null) return { hazardRatio: treatment.hazardRatioToControl, proportionalHazards: true, range: [treatment.hazardRatioToControl, treatment.hazardRatioToControl] };
  if (control.weibullShape !== null && control.weibullShape === treatment.weibullShape) {
    const hazardRatio = Math.pow(control.median / treatment.median, control.weibullShape);
    return { hazardRatio, proportionalHazards: true, range: [hazardRatio, hazardRatio] };
  }
  const horizon = Number.isFinite(analysisTime) ? analysisTime : 10 * Math.max(control.median, treatment.median);
  const step = horizon / integrationSteps;
  const profile = accrualProfile(resolved.design.accrual, accrualMonths);
  const shareControl = resolved.allocationFractions[0];
  const shareTreatment = resolved.allocationFractions[armIndex];
  const logRatios: number[] = [];
  const weights: number[] = [];
  let previousControl = 1;
  let previousTreatment = 1;
  for (let i = 1; i <= integrationSteps; i++) {
    const t = i * step;
    const middle = t - step / 2;
    const survivalControl = control.survival(t);
    const survivalTreatment = treatment.survival(t);
    const cumulativeControl = Math.log(previousControl) - Math.log(survivalControl);
    const cumulativeTreatment = Math.log(previousTreatment) - Math.log(survivalTreatment);
    const observable = Math.exp(-cumulativeHazard(resolved.dropout, middle)) * profile.cdf(horizon - middle);
    let weight = 0;
    resolved.stratumProportions.forEach((proportion, s) => {
      const m = resolved.stratumMultipliers[s];
      weight += proportion * (shareControl * (Math.pow(previousControl, m) - Math.pow(survivalControl, m)) + shareTreatment * (Math.pow(previousTreatment, m) - Math.pow(survivalTreatment, m)));
    });
    weight *= observable;
    if (cumulativeControl > 0 && cumulativeTreatment > 0 && weight > 0) {
      logRatios.push(Math.log(cumulativeTreatment / cumulativeControl));
      weights.push(weight);
    }
    previousControl = survivalControl;
    previousTreatment = survivalTreatment;
  }
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const average = logRatios.reduce((sum, value, i) => sum + value * weights[i], 0) / totalWeight;
  // The range: 5% and 95% event-weighted quantiles of the log hazard ratio (robust to the noisy tails of
  // empirical arms, where grid intervals hold few events).
  const order = logRatios.map((_, i) => i).sort((a, b) => logRatios[a] - logRatios[b]);
  const weightedQuantile = (p: number) => {
    let cumulative = 0;
    for (const i of order) {
      cumulative += weights[i];
      if (cumulative >= p * totalWeight) return logRatios[i];
    }
    return logRatios[order[order.length - 1]];
  };
  const range: [number, number] = [Math.exp(weightedQuantile(0.05)), Math.exp(weightedQuantile(0.95))];
  return { hazardRatio: Math.exp(average), proportionalHazards: range[1] / range[0] < 1.01, range };
}
