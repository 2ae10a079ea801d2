import { fitParametric } from "../analysis/fitParametric.js";
import { fittedModelParameters, type FittedModelParameters, survivalModelOfFit } from "../analysis/fittedSurvivalModel.js";
import type { ParametricFit } from "../analysis/ParametricFit.js";
import { referenceCohortSpec } from "../cohort/referenceCohortSpec.js";
import type { CohortSpec } from "../cohort/Scenario.js";
import type { EvidenceCurve, EvidenceCurveDistribution, EvidenceFigure, EvidenceRegistry, LifeTable, PopulationSpec } from "../evidence/index.js";
import { randomMultivariateNormal, randomSource, type RandomSource } from "../random/index.js";
import { InputError } from "../util/InputError.js";
import {
  debulkingThresholdSource, defaultLifeTable, type EvidenceSet, type OutcomeAssumptionName, outcomeAssumptionSources, type SequencingAssumptionName, sequencingAssumptionSources,
  treatmentOutcomeSources,
} from "./outcomeSources.js";
import { drawParameter, parameterSampling, parameterSamplingRows, type ParameterSamplingRow, type SampledRecord } from "./parameterSampling.js";

/** The outcome model of one treatment, before calibration (medians as reported or assumed). */
export interface TreatmentOutcome {
  /** Median PFS of a line of this treatment on a cohort given only it, months. */
  readonly pfsMedian: number;
  /** Where the PFS median comes from (figure or assumption id). */
  readonly pfsSource: string;
  /** The OS median to calibrate post-progression survival to, months; null when the review gives none. */
  readonly osMedian: number | null;
  readonly osSource: string | null;
  /** The population the PFS median was measured in (the figure's or the assumption's `populationSpec`); null when it gives none. */
  readonly population: PopulationSpec | null;
  /** Which evidence set the PFS median comes from. */
  readonly evidence: EvidenceSet;
  /**
   * The whole PFS curve the treatment is calibrated to, when its figure carries one (the figure's `curve`, chosen by
   * the registry or by the scenario's `evidence.curves`); null for a median-only figure. `pfsMedian` is then the
   * curve's median.
   */
  readonly curve: TreatmentCurve | null;
}

/**
 * A treatment's target PFS curve (issue 16): the chosen parametric fit of a registry figure's curve — its
 * maximum-likelihood estimates in the base case, a draw from the multivariate normal N(estimates, covariance) in a
 * PSA replicate — in the fit's estimation scale and as the engine's model. Plain data.
 */
export interface TreatmentCurve {
  /** The figure that carries the curve. */
  readonly figure: string;
  readonly distribution: EvidenceCurveDistribution;
  /** The parameter vector on the fit's estimation scale (as `pnen-sim fit --json`: survreg's for its families). */
  readonly estimates: readonly number[];
  /** The same curve in the engine's parameterisation (src/analysis fittedModelParameters). */
  readonly target: FittedModelParameters;
  /** How far the curve's data reach, months: the calibration matches the curve up to here. */
  readonly followUpMonths: number;
}

/** A scenario's choice of evidence (scenario field `evidence`): a set for every treatment, and per-treatment exceptions. */
export interface EvidenceChoice {
  readonly set?: EvidenceSet;
  readonly treatments?: Readonly<Record<string, EvidenceSet>>;
  /** Per treatment id, a registry figure whose whole curve drives the treatment's PFS (e.g. an example or a user's digitised curve). */
  readonly curves?: Readonly<Record<string, string>>;
}

/**
 * Every number of the outcome model, resolved from the evidence registry: plain data (JSON-serialisable, so it
 * can be sent to worker threads and bundled for the browser). Calibration turns it into {@link CalibratedModel}.
 */
export interface OutcomeParameters {
  readonly treatments: Readonly<Record<string, TreatmentOutcome>>;
  readonly assumptions: Readonly<Record<OutcomeAssumptionName, number>>;
  readonly debulkingThreshold: number;
  /** Treatment ids of kind "symptom": they take no time in a pathway. */
  readonly zeroDurationTreatments: readonly string[];
  /** The sequencing structure's numbers (data/assumptions/structure.json). */
  readonly sequencing: Readonly<Record<SequencingAssumptionName, number>>;
  /** The registry's reference cohort, which a figure's population narrows for calibration (src/cohort referenceCohortSpec). */
  readonly referenceCohort: CohortSpec;
  /** The life tables of the registry, by id. */
  readonly lifeTables: Readonly<Record<string, LifeTable>>;
}

/** How a number with a range is chosen: its point value (base case) or a draw from its range (PSA). */
export type ParameterChoice = { readonly kind: "point" } | { readonly kind: "draw"; readonly source: RandomSource };

/**
 * The value of a figure or assumption: its `value` (else the midpoint of `low`–`high`) for the base case; for a
 * probabilistic sensitivity analysis a draw from its sampling distribution ({@link parameterSampling}): uniform on
 * `[low, high]` where a range is given, log-normal where a median has a reported CI, events or n, one uniform from
 * the source per drawn number; a value with none of these stays fixed (and draws nothing). Percent units are not
 * converted here.
 */
function chooseValue(record: SampledRecord, choice: ParameterChoice): number {
  if (choice.kind === "draw") {
    const sampling = parameterSampling(record);
    if (sampling !== null && sampling.kind !== "fixed") return drawParameter(sampling, choice.source());
  }
  if (record.value !== undefined) return record.value;
  if (record.low !== undefined && record.high !== undefined) return (record.low + record.high) / 2;
  throw new InputError(`${record.id}: has neither a value nor a low-high range`);
}

/**
 * A registry curve's fit as a {@link ParametricFit}: its stored `fit`, or the maximum-likelihood fit of its patient
 * data with the curve's distribution; with both, the stored fit must equal the fit of the data (estimates and
 * covariance to 1e-6 relative), so that a stale `fit` cannot survive an edit of the data. Memoised per curve
 * record (a fit of a few hundred patients costs well under a millisecond, but a PSA asks for it every replicate).
 */
export function curveFit(figure: Pick<EvidenceFigure, "id" | "curve">): ParametricFit {
  const curve = figure.curve;
  if (curve === undefined) throw new InputError(`${figure.id}: carries no curve (a figure's "curve": patient data or a parametric fit)`);
  const known = fitMemo.get(curve);
  if (known !== undefined) return known;
  const fitted = curve.data === undefined ? null : fitParametric(curve.data.time, curve.data.event, curve.distribution);
  const stored = curve.fit;
  let fit: ParametricFit;
  if (stored === undefined) fit = fitted!;
  else {
    if (fitted !== null) {
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
      const agree = stored.estimates.every((e, i) => close(e, fitted.estimates[i]!)) && stored.covariance.every((row, i) => row.every((c, j) => close(c, fitted.covariance[i]![j]!)));
      if (!agree) {
        throw new InputError(
          `${figure.id}: curve.fit disagrees with the ${curve.distribution} fit of its patient data ${curve.ipd ?? "(curve.data)"}: estimates ${JSON.stringify(stored.estimates)} stored, ${JSON.stringify(fitted.estimates.map((e) => Number(e.toPrecision(10))))} fitted; refit (pnen-sim fit --input data/${curve.ipd ?? "…"} --time time --event event --dist ${curve.distribution} --json) and copy estimates and covariance`,
        );
      }
    }
    const k = stored.estimates.length;
    fit = {
      distribution: curve.distribution, n: fitted?.n ?? 0, events: fitted?.events ?? 0, groups: ["all"], groupName: null, groupEffect: null, cutpoints: [],
      parameterNames: stored.parameterNames, estimates: stored.estimates, standardErrors: stored.covariance.map((row, i) => Math.sqrt(row[i]!)), covariance: stored.covariance,
      logLikelihood: fitted?.logLikelihood ?? Number.NaN, df: k, aic: fitted?.aic ?? Number.NaN, bic: fitted?.bic ?? Number.NaN, converged: true, iterations: 0, survreg: null,
    };
  }
  fitMemo.set(curve, fit);
  return fit;
}

const fitMemo = new WeakMap<EvidenceCurve, ParametricFit>();

/**
 * The target curve of a treatment from a figure's curve (see {@link TreatmentCurve}): the fit's estimates for the
 * base case; for a PSA replicate, one draw of the parameter vector from N(estimates, covariance)
 * (randomMultivariateNormal: as many uniforms from the source as there are parameters). O(parameters³).
 */
function resolveCurve(figure: EvidenceFigure, choice: ParameterChoice): TreatmentCurve {
  const fit = curveFit(figure);
  const estimates = choice.kind === "draw" ? randomMultivariateNormal(fit.estimates, fit.covariance)(choice.source) : [...fit.estimates];
  return { figure: figure.id, distribution: figure.curve!.distribution, estimates, target: fittedModelParameters(fit, { estimates }), followUpMonths: figure.curve!.followUpMonths };
}

/** The median of a treatment's target curve, months (Infinity when the curve levels off above one half). */
export function curveMedian(curve: TreatmentCurve): number {
  return survivalModelOfFit(curve.target).median;
}

/**
 * Resolves the outcome model's numbers from the registry (figures first, then assumptions, by id; see
 * outcomeSources.ts). With `choice.kind === "draw"` every ranged number is drawn from its range, in a fixed
 * order (treatments in table order, then assumptions in table order; an id used twice is drawn once), so
 * replicate r of a seed always draws the same parameters.
 */
export function resolveOutcomeParameters(registry: EvidenceRegistry, choice: ParameterChoice = { kind: "point" }, evidence: EvidenceChoice = {}): OutcomeParameters {
  const lookup = (id: string) => {
    const figure = registry.figures.find((f) => f.id === id);
    return figure ?? registry.assumption(id);
  };
  const problemsUp: string[] = [];
  for (const [treatment, set] of Object.entries(evidence.treatments ?? {})) {
    if (treatmentOutcomeSources[treatment] === undefined) problemsUp.push(`evidence.treatments.${treatment}: no outcome model for treatment '${treatment}'`);
    else if (set === "trials" && treatmentOutcomeSources[treatment].trialPfsMedian === undefined) {
      problemsUp.push(`evidence.treatments.${treatment}: the registry has no randomised-trial figure for '${treatment}' (treatments with one: ${Object.entries(treatmentOutcomeSources).filter(([, v]) => v.trialPfsMedian !== undefined).map(([k]) => k).join(", ")})`);
    }
  }
  for (const [treatment, figureId] of Object.entries(evidence.curves ?? {})) {
    const figure = registry.figures.find((f) => f.id === figureId);
    if (treatmentOutcomeSources[treatment] === undefined) problemsUp.push(`evidence.curves.${treatment}: no outcome model for treatment '${treatment}'`);
    else if (figure === undefined) {
      const withCurves = registry.figures.filter((f) => f.curve !== undefined).map((f) => f.id);
      problemsUp.push(`evidence.curves.${treatment}: unknown figure '${figureId}' (figures with a curve: ${withCurves.join(", ") || "none"})`);
    } else if (figure.curve === undefined) problemsUp.push(`evidence.curves.${treatment}: figure '${figureId}' carries no curve (a "curve" with patient data or a parametric fit)`);
    else if (figure.treatment !== treatment) problemsUp.push(`evidence.curves.${treatment}: figure '${figureId}' is a curve of treatment '${figure.treatment}', not of '${treatment}'`);
  }
  if (problemsUp.length > 0) throw new InputError(`outcome model: ${problemsUp.length} problem${problemsUp.length === 1 ? "" : "s"} in the evidence choice`, problemsUp);
  // one value per id: treatments that share a source (HAE, HACE and SIRT) share its draw
  const chosen = new Map<string, number>();
  const chosenCurves = new Map<string, TreatmentCurve>();
  const drawnValue = (id: string) => {
    let value = chosen.get(id);
    if (value === undefined) {
      value = chooseValue(lookup(id), choice);
      chosen.set(id, value);
    }
    return value;
  };
  const problems: string[] = [];
  const safely = <T>(id: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (error) {
      problems.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  const treatments: Record<string, TreatmentOutcome> = {};
  for (const [treatment, sources] of Object.entries(treatmentOutcomeSources)) {
    const set: EvidenceSet = evidence.treatments?.[treatment] ?? (sources.trialPfsMedian !== undefined ? evidence.set ?? "review" : "review");
    const pfsSource = evidence.curves?.[treatment] ?? (set === "trials" && sources.trialPfsMedian !== undefined ? sources.trialPfsMedian : sources.pfsMedian);
    const figure = registry.figures.find((f) => f.id === pfsSource);
    // a figure with a whole curve drives the treatment by its curve (drawn once per replicate, shared like a value)
    const curve = figure?.curve === undefined ? null : safely(pfsSource, () => {
      let known = chosenCurves.get(pfsSource);
      if (known === undefined) {
        known = resolveCurve(figure, choice);
        chosenCurves.set(pfsSource, known);
      }
      return known;
    });
    if (curve === undefined) continue;
    const pfsMedian = curve === null ? safely(pfsSource, () => drawnValue(pfsSource)) : curveMedian(curve);
    const osMedian = sources.osMedian === undefined ? null : safely(sources.osMedian, () => drawnValue(sources.osMedian!));
    if (pfsMedian === undefined || osMedian === undefined) continue;
    const population = safely(pfsSource, () => lookup(pfsSource).populationSpec ?? null) ?? null;
    treatments[treatment] = { pfsMedian, pfsSource, osMedian, osSource: sources.osMedian ?? null, population, evidence: set, curve };
  }
  const assumptions: Partial<Record<OutcomeAssumptionName, number>> = {};
  for (const [name, id] of Object.entries(outcomeAssumptionSources) as [OutcomeAssumptionName, string][]) {
    const value = safely(id, () => drawnValue(id));
    if (value !== undefined) assumptions[name] = value;
  }
  const sequencing: Partial<Record<SequencingAssumptionName, number>> = {};
  for (const [name, id] of Object.entries(sequencingAssumptionSources) as [SequencingAssumptionName, string][]) {
    // the calibration seed and size are fixed data, never drawn
    const value = safely(id, () => (name === "calibrationSeed" || name === "calibrationCohortSize" ? chooseValue(lookup(id), { kind: "point" }) : drawnValue(id)));
    if (value !== undefined) sequencing[name] = value;
  }
  const referenceCohort = safely("data/assumptions/cohort.json", () => referenceCohortSpec(registry));
  const debulkingThreshold = safely(debulkingThresholdSource, () => registry.threshold(debulkingThresholdSource).value);
  if (problems.length > 0 || debulkingThreshold === undefined || referenceCohort === undefined) throw new InputError(`outcome model: ${problems.length} number${problems.length === 1 ? "" : "s"} missing from the evidence registry`, problems);
  return {
    treatments,
    assumptions: assumptions as Record<OutcomeAssumptionName, number>,
    debulkingThreshold,
    zeroDurationTreatments: registry.treatments.filter((t) => t.kind === "symptom").map((t) => t.id),
    sequencing: sequencing as Record<SequencingAssumptionName, number>,
    referenceCohort,
    lifeTables: Object.fromEntries(registry.lifeTables.map((t) => [t.id, t])),
  };
}

/** The life table a model uses: the scenario's `lifeTable`, else {@link defaultLifeTable}; an InputError naming the known ones otherwise. */
export function chooseLifeTable(parameters: OutcomeParameters, id: string = defaultLifeTable): LifeTable {
  const table = parameters.lifeTables[id];
  if (table === undefined) throw new InputError(`lifeTable: unknown life table '${id}'; known: ${Object.keys(parameters.lifeTables).join(", ") || "none (data/evidence/lifeTables.json)"}`);
  return table;
}

/**
 * How each figure behind the model's treatments is drawn in a probabilistic sensitivity analysis (for the report's
 * table and methods; see {@link parameterSamplingRows}): a curve's median interval from 2,000 draws of its fit's
 * parameters (seeded, so the table is the same every run). Pure; O(figures + 2,000 per curve).
 */
export function outcomeParameterSampling(registry: EvidenceRegistry, parameters: OutcomeParameters, structure: "sequencing" | "sum-of-lines"): ParameterSamplingRow[] {
  const lookup = (id: string): SampledRecord => registry.figures.find((f) => f.id === id) ?? registry.assumption(id);
  const curveMedianInterval = (id: string): readonly [number, number] | null => {
    const figure = registry.figures.find((f) => f.id === id);
    if (figure?.curve === undefined) return null;
    const fit = curveFit(figure);
    const draw = randomMultivariateNormal(fit.estimates, fit.covariance);
    const source = randomSource(`parameter sampling ${id}`);
    const medians = Array.from({ length: 2000 }, () => survivalModelOfFit(fittedModelParameters(fit, { estimates: draw(source) })).median).sort((a, b) => a - b);
    const at = (p: number) => medians[Math.round(p * (medians.length - 1))]!;
    return [at(0.025), at(0.975)];
  };
  return parameterSamplingRows(parameters, lookup, curveMedianInterval, structure);
}
