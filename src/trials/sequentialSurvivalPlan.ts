import { findRoot } from "../survival/findRoot.js";
import { InputError } from "../util/InputError.js";
import { accrualProfile } from "./accrual.js";
import { armEventProbabilities, comparisonHazardRatio } from "./analyticPower.js";
import { armEventProbability } from "./eventProbability.js";
import type { GroupSequentialDesign } from "./groupSequentialDesign.js";
import { designAccrualMonths, type ResolvedDesign } from "./resolveDesign.js";
import { sequentialCharacteristics, sequentialOutcomeProbabilities, type SequentialOutcomeProbabilities } from "./sequentialCharacteristics.js";

/**
 * A group-sequential survival trial planned analytically, as rpact's `getSampleSizeSurvival` (mode
 * "sample-size": the maximum events and patients for the design's power 1 − β) or `getPowerSurvival`
 * (mode "power": the power of n patients and a maximum of D events) compute it. Events are Schoenfeld's:
 * the log-rank statistic for benefit at d events has drift −log HR √(d r)/(1 + r) for allocation ratio r =
 * n_treatment / n_control, and the looks are at shares t_k of the maximum events.
 */
export interface SequentialSurvivalPlan {
  readonly mode: "sample-size" | "power";
  readonly design: GroupSequentialDesign;
  /** The hazard ratio used (exact under proportional hazards, else the event-weighted average) and whether hazards are proportional. */
  readonly hazardRatio: number;
  readonly proportionalHazards: boolean;
  /** Allocation ratio r = treatment / control. */
  readonly allocationRatio: number;
  /** Patients randomised (rpact's maxNumberOfSubjects: not rounded in sample-size mode). */
  readonly maxN: number;
  /** Events at the final analysis (rpact's maxNumberOfEvents: not rounded in sample-size mode). */
  readonly maxEvents: number;
  readonly accrualMonths: number;
  /** Probability that a randomised patient has an observed event by the final analysis (rpact's omega when the follow-up is fixed). */
  readonly eventProbability: number;
  /** Events a single-look trial needs for the same power (sample-size mode; rpact's eventsFixed), else NaN. */
  readonly fixedEvents: number;
  /** rpact's inflation factor (sample-size mode), else NaN. */
  readonly inflationFactor: number;
  readonly looks: readonly SurvivalLook[];
  /** Overall power (the cumulative rejection probability at the last look under the alternative). */
  readonly power: number;
  /** Under the alternative (the design's hazard ratio) and under H0 (both arms as the control). */
  readonly alternative: SequentialOutcomeProbabilities;
  readonly null: SequentialOutcomeProbabilities;
  readonly expectedEvents: { readonly h0: number; readonly h1: number };
  /** Expected calendar month of stopping; under H0 the looks come at the times the events are expected when both arms are like the control. */
  readonly expectedDuration: { readonly h0: number; readonly h1: number };
  /** Expected patients randomised by the stopping look. */
  readonly expectedN: { readonly h0: number; readonly h1: number };
}

export interface SurvivalLook {
  readonly informationRate: number;
  readonly events: number;
  /** Calendar month at which the look's events are expected under the alternative (and under H0). */
  readonly analysisTime: number;
  readonly analysisTimeH0: number;
  /** Patients randomised by that month. */
  readonly patients: number;
  /** Efficacy bound on the z scale (positive favours treatment), as a one-sided nominal p-value, and on the hazard-ratio scale (the estimate at which the bound is crossed). */
  readonly efficacyZ: number;
  readonly efficacyP: number;
  readonly efficacyHazardRatio: number;
  /** Two-sided designs: the bound on the other side (a significant harm), hazard-ratio scale; null for one-sided. */
  readonly harmHazardRatio: number | null;
  readonly alphaSpent: number;
  /** Futility bound (interim looks with futility), z and hazard-ratio scales; null otherwise. */
  readonly futilityZ: number | null;
  readonly futilityHazardRatio: number | null;
  readonly betaSpent: number | null;
  /** Under the alternative: P(reject at this look), cumulative P(rejected by this look), P(stop for futility here). */
  readonly rejection: number;
  readonly cumulativeRejection: number;
  readonly futility: number;
}

export type PlanRequest = { readonly kind: "sample-size" } | { readonly kind: "power"; readonly n: number; readonly maxEvents: number };

/**
 * Plans the two-arm design `resolved` with the group-sequential `design`:
 *
 *   sample-size: shift δ² for power 1 − β (sequentialCharacteristics) → maximum events D = δ² / θ², θ = √r |log HR| / (1 + r)
 *                → patients n = D / ω(A + F) (fixed accrual duration A; for a rate, n solves n·ω(A(n) + F) = D)
 *   power:       drift δ = θ √D → rejection and futility probabilities by look
 *   both:        look k at the month τ_k when n·ω(τ_k) = t_k D (ω: event probability over accrual, follow-up
 *                and dropout), patients accrued by τ_k, expected events, duration and patients under H0 and H1
 *
 * The test is for a benefit of the treatment whatever the design's effect (rpact's getPowerSurvival with
 * directionUpper = FALSE): the efficacy bound on the hazard-ratio scale is exp(−c_k (1 + r)/√(r D t_k)) < 1
 * (two-sided: the harm bound exp(+c_k …) > 1), and the drift is −θ√D when the design's hazard ratio is above
 * 1, so a one-sided plan then has power below α and a one-sided sample size is refused (InputError naming
 * sequential.targetPower; rpact's getSampleSizeSurvival instead tests for harm). Two-sided plans are
 * symmetric. Validating front end: two arms, a log-rank or Cox test, a hazard ratio ≠ 1. Cost: a few dozen
 * event-probability evaluations per look (closed forms for piecewise-exponential arms).
 */
export function sequentialSurvivalPlan(resolved: ResolvedDesign, design: GroupSequentialDesign, request: PlanRequest): SequentialSurvivalPlan {
  const problems = planProblems(resolved);
  if (problems.length > 0) throw new InputError("sequential design: cannot plan this trial", problems);
  const allocationRatio = resolved.allocationFractions[1] / resolved.allocationFractions[0];
  const followUp = resolved.design.followUpMonths;
  const referenceN = request.kind === "power" ? request.n : resolved.design.n;
  const referenceAccrual = designAccrualMonths(resolved.design, referenceN);
  const effect = comparisonHazardRatio(resolved, 1, referenceAccrual, referenceAccrual + followUp);
  const hazardRatio = effect.hazardRatio;
  if (!(Number.isFinite(hazardRatio) && Math.abs(Math.log(hazardRatio)) > 1e-9)) throw new InputError("sequential design: the arms do not differ (hazard ratio 1): no number of events gives power above alpha");
  const theta = (Math.sqrt(allocationRatio) / (1 + allocationRatio)) * Math.abs(Math.log(hazardRatio));
  const sided = design.spec.sided;
  // The test is for benefit (rpact's directionUpper = FALSE): the drift is +θ√D when the treatment is better
  // (HR < 1) and −θ√D when it is worse. A one-sided test then has power below α, so no sample size reaches P.
  const benefitSign = hazardRatio < 1 ? 1 : -1;
  if (request.kind === "sample-size" && sided === 1 && benefitSign < 0)
    throw new InputError("sequential design: no number of patients gives the target power", [
      `sequential.targetPower (--target-power): the one-sided test is for a benefit of the treatment (hazard ratio below 1), but the design's hazard ratio is ${hazardRatio.toPrecision(4)} > 1 (the treatment is worse), so its power stays below alpha. Plan a two-sided test (sequential.sided 2), or give n and ask for the power; rpact's getSampleSizeSurvival would instead silently test for harm (bounds above 1).`,
    ]);
  let maxEvents: number;
  let maxN: number;
  let alternative: SequentialOutcomeProbabilities;
  let nullOutcome: SequentialOutcomeProbabilities;
  let fixedEvents = NaN;
  let inflationFactor = NaN;
  let expectedEvents: { h0: number; h1: number };
  if (request.kind === "sample-size") {
    const characteristics = sequentialCharacteristics(design);
    maxEvents = characteristics.shift / (theta * theta);
    fixedEvents = characteristics.fixedDriftSquared / (theta * theta);
    inflationFactor = characteristics.inflationFactor;
    alternative = characteristics.alternative;
    nullOutcome = characteristics.null;
    expectedEvents = { h0: characteristics.expectedInformationH0 * fixedEvents, h1: characteristics.expectedInformationH1 * fixedEvents };
    maxN = patientsForEvents(resolved, maxEvents, followUp);
  } else {
    maxEvents = request.maxEvents;
    maxN = request.n;
    const options = { bothTails: true, limitBounds: false };
    alternative = sequentialOutcomeProbabilities(design, benefitSign * theta * Math.sqrt(maxEvents), options);
    nullOutcome = sequentialOutcomeProbabilities(design, 0, options);
    expectedEvents = { h0: maxEvents * nullOutcome.expectedInformationRate, h1: maxEvents * alternative.expectedInformationRate };
  }
  const accrualMonths = designAccrualMonths(resolved.design, maxN);
  const profile = accrualProfile(resolved.design.accrual, accrualMonths);
  const omega = (time: number) => overallEventProbability(resolved, accrualMonths, time, false);
  const omegaNull = (time: number) => overallEventProbability(resolved, accrualMonths, time, true);
  const finalTime = request.kind === "sample-size" && Number.isFinite(accrualMonths) ? accrualMonths + followUp : timeForEvents(omega, maxN, maxEvents, accrualMonths + followUp);
  const rates = design.informationRates;
  const looks: SurvivalLook[] = rates.map((t, k) => {
    const events = maxEvents * t;
    const analysisTime = k === rates.length - 1 ? finalTime : timeForEvents(omega, maxN, events, finalTime);
    const analysisTimeH0 = timeForEvents(omegaNull, maxN, events, finalTime);
    const c = design.criticalValues[k];
    const scale = (1 + allocationRatio) / Math.sqrt(allocationRatio * events);
    const futilityZ = k < rates.length - 1 && design.futilityBounds !== null ? design.futilityBounds[k] : null;
    return {
      informationRate: t,
      events,
      analysisTime,
      analysisTimeH0,
      patients: maxN * profile.cdf(analysisTime),
      efficacyZ: c,
      efficacyP: design.stageLevels[k],
      efficacyHazardRatio: Math.exp(-c * scale),
      harmHazardRatio: sided === 2 ? Math.exp(c * scale) : null,
      alphaSpent: design.alphaSpent[k],
      futilityZ,
      futilityHazardRatio: futilityZ === null ? null : Math.exp(-futilityZ * scale),
      betaSpent: design.betaSpent === null ? null : design.betaSpent[k],
      rejection: alternative.rejection[k],
      cumulativeRejection: alternative.cumulativeRejection[k],
      futility: k < rates.length - 1 ? alternative.futility[k] : 0,
    };
  });
  const expectation = (probabilities: readonly number[], values: readonly number[]) => probabilities.reduce((sum, p, k) => sum + p * values[k], 0);
  const timesH1 = looks.map((look) => look.analysisTime);
  const timesH0 = looks.map((look) => look.analysisTimeH0);
  return {
    mode: request.kind,
    design,
    hazardRatio,
    proportionalHazards: effect.proportionalHazards,
    allocationRatio,
    maxN,
    maxEvents,
    accrualMonths,
    eventProbability: omega(finalTime),
    fixedEvents,
    inflationFactor,
    looks,
    power: alternative.cumulativeRejection[rates.length - 1],
    alternative,
    null: nullOutcome,
    expectedEvents,
    expectedDuration: { h0: expectation(nullOutcome.stopping, timesH0), h1: expectation(alternative.stopping, timesH1) },
    expectedN: { h0: expectation(nullOutcome.stopping, timesH0.map((time) => maxN * profile.cdf(time))), h1: expectation(alternative.stopping, looks.map((look) => look.patients)) },
  };
}

/** Why a design cannot be planned group-sequentially (empty: it can). */
export function planProblems(resolved: ResolvedDesign): string[] {
  const problems: string[] = [];
  const { design } = resolved;
  if (design.arms.length !== 2) problems.push(`arms: a group-sequential design compares two arms, got ${design.arms.length}`);
  if (design.test.kind === "rmst") problems.push("test: the group-sequential bounds are for the log-rank or Cox statistic (information = events); rmst is not supported");
  return problems;
}

/**
 * Probability that a randomised patient of the comparison has an observed event by month `time` (arms in
 * proportion to the allocation; `nullHypothesis`: both arms as the control).
 */
export function overallEventProbability(resolved: ResolvedDesign, accrualMonths: number, time: number, nullHypothesis = false): number {
  if (!nullHypothesis) {
    const probabilities = armEventProbabilities(resolved, accrualMonths, time);
    return resolved.allocationFractions[0] * probabilities[0] + resolved.allocationFractions[1] * probabilities[1];
  }
  const profile = accrualProfile(resolved.design.accrual, accrualMonths);
  const control = resolved.arms[0];
  return resolved.stratumProportions.reduce((sum, proportion, s) => sum + proportion * armEventProbability(control, resolved.stratumMultipliers[s], resolved.dropout, profile, time), 0);
}

/**
 * Patients whose expected events at the end of follow-up reach `events`: D / ω(A + F) for a fixed accrual
 * duration; for accrual at a rate (the duration grows with n) the root of n·ω(A(n) + F) = D. Infinity when
 * out of reach.
 */
function patientsForEvents(resolved: ResolvedDesign, events: number, followUp: number): number {
  const { design } = resolved;
  const expected = (n: number) => {
    const months = designAccrualMonths(design, n);
    return n * overallEventProbability(resolved, months, months + followUp);
  };
  if (design.accrual.kind === "duration") return events / overallEventProbability(resolved, design.accrual.months, design.accrual.months + followUp);
  let high = Math.max(2 * events, 4);
  for (let doubling = 0; expected(high) < events; doubling++) {
    if (doubling > 60) return Infinity;
    high *= 2;
  }
  return findRoot((n) => expected(n) - events, events, high, 1e-10 * high);
}

/** Month at which n patients have `events` expected events (ω increasing in time); Infinity if never. */
function timeForEvents(omega: (time: number) => number, n: number, events: number, guess: number): number {
  const f = (time: number) => n * omega(time) - events;
  let high = Number.isFinite(guess) && guess > 0 ? guess : 1;
  for (let doubling = 0; f(high) < 0; doubling++) {
    if (doubling > 40) return Infinity;
    high *= 2;
  }
  return findRoot(f, 0, high, 1e-11 * high);
}
