import { kaplanMeier, survivalAt } from "../analysis/index.js";
import type { Scenario } from "../cohort/Scenario.js";
import { subStreamSeed } from "../random/randomSource.js";
import type { CalibrationEntry } from "./calibrationReport.js";
import type { OutcomeModel } from "./OutcomeModel.js";
import type { SequencingAssumptionName } from "./outcomeSources.js";
import { simulate } from "./simulate.js";
import type { SimulationContext, StrategyLike } from "./SimulationContext.js";

const grades = ["G1", "G2", "G3", "NEC"] as const;
type Grade = (typeof grades)[number];

/**
 * The overall-survival targets the sequencing structure is fitted to (`npm run calibrate`), each an external range
 * (data/evidence/external.json) whose middle a grade group of the registry's reference cohort must reach under the
 * review's strategy, by tuning that group's post-progression death rate. Each group's median depends on its own
 * rate only, so the three one-dimensional fits are exact and independent.
 */
export const structureTargets = [
  { id: "external.lowGrade.os.median", grades: ["G1", "G2"], parameter: "ppsRateLowGrade", label: "G1/G2" },
  { id: "external.g3net.os.median", grades: ["G3"], parameter: "ppsRateG3", label: "G3 NET" },
  { id: "external.nec.os.median", grades: ["NEC"], parameter: "ppsRateNec", label: "NEC" },
] as const satisfies readonly { id: string; grades: readonly Grade[]; parameter: SequencingAssumptionName; label: string }[];

/** The landmark the whole reference cohort is checked against (not fitted): SEER metastatic pNET, 5-year OS 28%. */
export const structureCheck = { id: "external.seer.metastatic.os5y", months: 60 } as const;

/** The strategy the structural targets are defined under. */
export const structureStrategy = "review";

/**
 * The registry's reference cohort as a scenario (its grade mix restricted to `only`, keeping the relative
 * shares), followed without censoring, under the review's strategy. Sequencing structure. O(1).
 */
export function referenceScenario(model: OutcomeModel, only: readonly Grade[] = grades, size = 20_000): Scenario {
  const reference = model.parameters.referenceCohort;
  const total = only.reduce((sum, g) => sum + reference.grade[g], 0);
  const grade = Object.fromEntries(grades.map((g) => [g, only.includes(g) ? reference.grade[g] / total : 0])) as Scenario["cohort"]["grade"];
  return {
    name: "reference",
    description: "The registry's reference cohort (data/assumptions/cohort.json) under the review's strategy, without censoring",
    seed: model.parameters.sequencing.calibrationSeed,
    strategies: [structureStrategy],
    referenceStrategy: structureStrategy,
    cohort: { ...reference, size, grade },
    followUp: { accrualMonths: 0, lossToFollowUpPerYear: 0 },
    structure: "sequencing",
  };
}

/** The Kaplan–Meier OS of a grade group of the reference cohort under the review's strategy: median (95% CI) and 5-year survival. */
export function referenceOverallSurvival<S extends StrategyLike, T>(
  model: OutcomeModel,
  context: SimulationContext<S, T>,
  strategies: readonly S[],
  only: readonly Grade[],
  options: { readonly size?: number; readonly key?: string } = {},
): { median: number | null; lower: number | null; upper: number | null; survival60: number | null; n: number } {
  const scenario = referenceScenario(model, only, options.size);
  const seed = subStreamSeed(model.parameters.sequencing.calibrationSeed, options.key ?? "structure-check");
  const result = simulate(scenario, strategies, { model, seed }, context);
  const km = kaplanMeier(result.outcomes[0].osMonths, result.outcomes[0].osEvent);
  const at = survivalAt(km, [60], { extend: false });
  return { median: km.median.estimate, lower: km.median.lower, upper: km.median.upper, survival60: at.survival.length > 0 ? at.survival[0] : null, n: result.n };
}

const round = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));

/**
 * The OS rows of the calibration table of the sequencing structure: the registry's reference cohort under the
 * review's strategy is simulated once (`size` patients, an independent draw: sub-stream "structure-check"), and
 * for each grade group the simulated median OS with its 95% interval is set against the middle of the external
 * range it was fitted to; the whole cohort's 5-year OS against SEER's 28% (a check, not a target). Empty for the
 * sum-of-lines structure. O(size × lines + size log size).
 */
export function structureCalibrationReport<S extends StrategyLike, T>(model: OutcomeModel, context: SimulationContext<S, T>, strategies: readonly S[], size = 30_000): CalibrationEntry[] {
  if (model.structure !== "sequencing" || !strategies.some((s) => s.id === structureStrategy)) return [];
  const scenario = referenceScenario(model, grades, size);
  const result = simulate(scenario, strategies, { model, seed: subStreamSeed(model.parameters.sequencing.calibrationSeed, "structure-check") }, context);
  const { osMonths, osEvent } = result.outcomes[0];
  const grade = result.cohort.grade;
  const entries: CalibrationEntry[] = [];
  for (const target of structureTargets) {
    const figure = context.registry.figure(target.id);
    const low = figure.low ?? figure.value!;
    const high = figure.high ?? figure.value!;
    const middle = (low + high) / 2;
    const codes = target.grades.map((g) => grades.indexOf(g));
    const index: number[] = [];
    for (let i = 0; i < result.n; i++) if (codes.includes(grade[i])) index.push(i);
    const km = kaplanMeier(Float64Array.from(index, (i) => osMonths[i]), Uint8Array.from(index, (i) => osEvent[i]));
    const simulated = km.median.estimate ?? NaN;
    entries.push({
      id: target.id, treatment: "review strategy (all lines)", endpoint: "os", target: round(middle)!, simulated: round(simulated)!, lower: round(km.median.lower), upper: round(km.median.upper),
      relativeError: round((simulated - middle) / middle)!, measure: "median", population: `${target.label}, registry reference cohort, review strategy`, range: [low, high], role: "fitted",
    });
  }
  const seer = context.registry.figure(structureCheck.id);
  const all = survivalAt(kaplanMeier(osMonths, osEvent), [structureCheck.months], { extend: false });
  const percent = all.survival.length > 0 ? all.survival[0] * 100 : NaN;
  entries.push({
    id: seer.id, treatment: "review strategy (all lines)", endpoint: "os", target: seer.value!, simulated: round(percent)!, lower: null, upper: null,
    relativeError: round((percent - seer.value!) / seer.value!)!, measure: "survival at 60 months", population: "all grades, registry reference cohort, review strategy", role: "check",
  });
  return entries;
}
