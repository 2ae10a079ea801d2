import { medianOrderStatisticInterval } from "../analysis/medianOrderStatisticInterval.js";
import type { CohortColumns } from "../cohort/CohortColumns.js";
import { type Patient, PrimarySites, Sexes, Syndromes, EnetsTypes, Differentiations, Grades, type Grade } from "../cohort/Patient.js";
import type { Scenario } from "../cohort/Scenario.js";
import { type RuleThresholds, whoGradeCode } from "../rules/index.js";
import { InputError } from "../util/InputError.js";
import { calibrateOutcomeModel } from "./calibrateOutcomeModel.js";
import type { OutcomeModel } from "./OutcomeModel.js";
import { resolveOutcomeParameters } from "./OutcomeParameters.js";
import type { PathwayLike, SimulationContext, StrategyLike } from "./SimulationContext.js";
import { type SimulationPlan, simulateRange } from "./simulateRange.js";

export interface PatientOutcomeOptions {
  /** Outcome draws of the patient per strategy (default 4,000; at most 1,000,000). */
  readonly draws?: number;
  /** Master seed; default the scenario's. Draw i uses the uniforms patient i of a cohort run with this seed uses. */
  readonly seed?: number | string;
  /** A model already calibrated for this scenario and seed (skips calibration, e.g. in a dashboard). */
  readonly model?: OutcomeModel;
  /** Level of the Monte Carlo intervals of the medians (default 0.95). */
  readonly level?: number;
}

/** One endpoint (PFS or OS) of the patient under one strategy, from the draws. Months. */
export interface PatientEndpointPrediction {
  /** Median of the draws: the patient's predicted median. */
  readonly median: number;
  /** Monte Carlo interval of the median (order statistics, {@link medianOrderStatisticInterval}). */
  readonly lower: number;
  readonly upper: number;
  /** Every draw, sorted ascending: the survival curve of the draws is S(t) = share of draws above t. */
  readonly sortedMonths: Float64Array;
}

/** The patient's predicted outcomes under one strategy. */
export interface PatientStrategyPrediction {
  readonly strategy: string;
  /** The pathway the rules assign the patient under this strategy (compiled label, e.g. "radicalResection>captem"). */
  readonly pathway: string;
  readonly pfs: PatientEndpointPrediction;
  readonly os: PatientEndpointPrediction;
}

/** The result of {@link simulatePatientOutcomes}: plain data. */
export interface PatientOutcomes {
  readonly seed: number | string;
  readonly draws: number;
  readonly level: number;
  /** The WHO 2022 grade the patient's hazard ratios were computed at (from Ki-67, mitoses and differentiation). */
  readonly grade: Grade;
  /** One entry per strategy, in the order given. */
  readonly strategies: readonly PatientStrategyPrediction[];
  readonly model: OutcomeModel;
}

/** The patient's row written into the cohort columns at [offset, offset + count): the same patient, `count` times. */
function fillWithPatient(patient: Patient, gradeCode: number): (columns: CohortColumns, offset: number, count: number) => void {
  return (columns, offset, count) => {
    const end = offset + count;
    columns.age.fill(Math.floor(patient.age), offset, end);
    columns.sex.fill(Sexes.indexOf(patient.sex), offset, end);
    columns.primarySite.fill(PrimarySites.indexOf(patient.primarySite), offset, end);
    columns.syndrome.fill(Syndromes.indexOf(patient.syndrome), offset, end);
    columns.grade.fill(gradeCode, offset, end);
    columns.differentiation.fill(Differentiations.indexOf(patient.differentiation), offset, end);
    columns.ki67.fill(patient.ki67, offset, end);
    columns.mitoses.fill(patient.mitoses, offset, end);
    columns.enetsType.fill(EnetsTypes.indexOf(patient.enetsType), offset, end);
    columns.lesionCount.fill(patient.lesionCount, offset, end);
    columns.largestLesionCm.fill(patient.largestLesionCm, offset, end);
    columns.liverInvolvementPct.fill(patient.liverInvolvementPct, offset, end);
    columns.extrahepaticDisease.fill(patient.extrahepaticDisease ? 1 : 0, offset, end);
    columns.adequateLiverReserve.fill(patient.adequateLiverReserve ? 1 : 0, offset, end);
    columns.seriousComorbidity.fill(patient.seriousComorbidity ? 1 : 0, offset, end);
    columns.sstrPositive.fill(patient.sstrPositive ? 1 : 0, offset, end);
    columns.primaryResected.fill(patient.primaryResected ? 1 : 0, offset, end);
    columns.primarySymptomatic.fill(patient.primarySymptomatic === true ? 1 : 0, offset, end);
    columns.monthsStable.fill(patient.monthsStable, offset, end);
    columns.expectedCytoreductionPct.fill(patient.expectedCytoreductionPct, offset, end);
    columns.entryMonths.fill(0, offset, end);
  };
}

const endpoint = (months: Float64Array, level: number): PatientEndpointPrediction => {
  const sortedMonths = Float64Array.from(months).sort();
  return { ...medianOrderStatisticInterval(sortedMonths, level), sortedMonths };
};

/**
 * One patient's predicted outcomes under each strategy: many outcome draws of the same fixed patient, summarised by
 * the median PFS and OS with a Monte Carlo interval.
 *
 *   patient ─rules (context.assignPathway)─► one pathway per strategy (the patient is fixed, so is the pathway)
 *   patient ×  draws ─simulateRange (the cohort engine, fillCohort = this patient)─► PFS/OS draws per strategy
 *           ─► sorted draws ─► median, order-statistic interval of the median (medianOrderStatisticInterval)
 *
 * It is the cohort simulation with every patient the same: the same calibrated outcome model (the scenario's,
 * calibrated at `seed` unless `model` is given), the same patient hazard ratios, the same walk (sum-of-lines or
 * sequencing) and the same seeded sub-streams — draw i uses exactly the uniforms patient i of a cohort run with this
 * seed uses (subStream(seed, "outcomes", block), common random numbers across strategies) — so the draws are
 * those of a cohort of identical patients, and the medians estimate what such a cohort's Kaplan–Meier medians
 * estimate. There is no censoring: the draws are the patient's whole simulated history (the scenario's follow-up
 * is a trial's, not the patient's), so the medians are plain sample medians and always reached.
 *
 * The rules see the patient as given; the hazard ratios see it as a cohort stores it (age in whole years,
 * floored; grade the WHO 2022 grade from Ki-67, mitoses and differentiation at `context.thresholds`).
 * Interval: the draws are independent, so the median's Monte Carlo interval is the distribution-free order-statistic
 * interval (Conover 1999, §3.2); its width shrinks as 1/√draws (about ±3% of the median at 4,000 draws for
 * an exponential). Time O(draws × strategies × lines + draws log draws); memory 16 bytes per draw and strategy
 * plus the cohort columns of the draws (45 bytes each).
 */
export function simulatePatientOutcomes<S extends StrategyLike>(
  scenario: Scenario,
  patient: Patient,
  strategies: readonly S[],
  options: PatientOutcomeOptions,
  context: SimulationContext<S, RuleThresholds>,
): PatientOutcomes {
  const draws = options.draws ?? 4000;
  if (!Number.isInteger(draws) || draws < 1 || draws > 1_000_000) throw new InputError(`simulatePatientOutcomes: draws: expected an integer from 1 to 1,000,000, got ${draws}`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InputError(`simulatePatientOutcomes: level: expected a number between 0 and 1, got ${level}`);
  if (strategies.length === 0) throw new InputError("simulatePatientOutcomes: strategies: expected at least one strategy");
  const seed = options.seed ?? scenario.seed;
  const model = options.model ?? calibrateOutcomeModel(resolveOutcomeParameters(context.registry, { kind: "point" }, scenario.evidence), scenario, seed);
  const gradeCode = whoGradeCode(patient.ki67, patient.mitoses, patient.differentiation, context.thresholds) - 1;
  // the pathway depends on the patient only: one per strategy, asked once of the rules with the patient as given
  const pathways = new Map<S, PathwayLike>(strategies.map((s) => [s, context.assignPathway(patient, s, context.thresholds)]));
  // no censoring: no administrative end, no loss to follow-up (the uniforms drawn for the loss are simply unused)
  const uncensored: Scenario = { ...scenario, followUp: { ...scenario.followUp, accrualMonths: 0, additionalFollowUpMonths: undefined, lossToFollowUpPerYear: 0 } };
  const plan: SimulationPlan<S, RuleThresholds> = { scenario: uncensored, seed, size: draws, strategies, thresholds: context.thresholds, model };
  const range = simulateRange(plan, (_view, strategy) => pathways.get(strategy)!, 0, draws, undefined, undefined, fillWithPatient(patient, gradeCode));
  return {
    seed,
    draws,
    level,
    grade: Grades[gradeCode],
    strategies: strategies.map((strategy, s) => {
      const out = range.outcomes[s];
      return { strategy: strategy.id, pathway: range.pathwayLabels[out.pathway[0]], pfs: endpoint(out.pfsMonths, level), os: endpoint(out.osMonths, level) };
    }),
    model,
  };
}
