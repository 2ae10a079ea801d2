import { kaplanMeier } from "../analysis/index.js";
import type { Scenario } from "../cohort/Scenario.js";
import type { EvidenceRegistry } from "../evidence/index.js";
import { calibrationCohort, defaultCalibrationCohortSize } from "./calibrateOutcomeModel.js";
import type { CompiledPathway } from "./compilePathway.js";
import type { OutcomeModel } from "./OutcomeModel.js";
import { createPatientDraws, outcomeDrawsPerPatient, preparePatientDraws, walkPathway } from "./walkPathway.js";
import { cohortKey, lineTimesAtUnitScale, sequencingCalibrationCohort } from "./calibrateSequencingModel.js";
import { subStreamSeed } from "../random/randomSource.js";

/**
 * The PFS targets of the sequencing structure: for every treatment whose PFS comes from a figure (review or
 * external), the Kaplan–Meier median of min(scale·bᵢ, Dᵢ) on an independent cohort drawn to match the figure's
 * population (sub-stream "calibration-check" of the registry's calibration seed), with its 95% interval.
 * Assumed medians are not targets. O(targets × size log size).
 */
function sequencingPfsReport(model: OutcomeModel, figureIds: ReadonlySet<string>): CalibrationEntry[] {
  const parameters = model.parameters;
  const size = parameters.sequencing.calibrationCohortSize;
  const seed = subStreamSeed(parameters.sequencing.calibrationSeed, "calibration-check");
  const entries: CalibrationEntry[] = [];
  const base = new Float64Array(size);
  const pfs = new Float64Array(size);
  const event = new Uint8Array(size).fill(1);
  const cohorts = new Map<string, ReturnType<typeof sequencingCalibrationCohort>>();
  model.treatmentIds.forEach((treatment, index) => {
    const outcome = parameters.treatments[treatment];
    if (!figureIds.has(outcome.pfsSource) || entries.some((e) => e.id === outcome.pfsSource)) return;
    const key = cohortKey(outcome.population);
    let cohort = cohorts.get(key);
    if (cohort === undefined) {
      cohort = sequencingCalibrationCohort(parameters, model.sequencing!, outcome.population, size, seed);
      cohorts.set(key, cohort);
    }
    lineTimesAtUnitScale(parameters, treatment, cohort, base);
    const scale = model.pfsScale[index];
    for (let i = 0; i < size; i++) {
      const progression = scale * base[i];
      pfs[i] = progression < cohort.deathMonths[i] ? progression : cohort.deathMonths[i];
    }
    const median = kaplanMeier(pfs, event).median;
    const simulated = median.estimate ?? NaN;
    entries.push({
      id: outcome.pfsSource,
      treatment,
      endpoint: "pfs",
      target: round(outcome.pfsMedian)!,
      simulated: round(simulated)!,
      lower: round(median.lower),
      upper: round(median.upper),
      relativeError: round((simulated - outcome.pfsMedian) / outcome.pfsMedian)!,
      measure: "median",
      population: describePopulation(outcome.population),
      role: "calibrated",
    });
  });
  return entries;
}

/** A population in a few words: "G1 40%, G2 60%; line 2; progressive". */
export function describePopulation(population: import("../evidence/PopulationSpec.js").PopulationSpec | null): string {
  if (population === null) return "registry reference cohort";
  const grades = population.grades === undefined ? "grades not reported" : Object.entries(population.grades).filter(([, v]) => (v ?? 0) > 0).map(([g, v]) => `${g} ${Math.round((v ?? 0) * 100)}%`).join(", ");
  const extras = [
    population.ki67Max !== undefined ? `Ki-67 ≤ ${population.ki67Max}%` : "",
    population.sstrPositiveShare === 1 ? "SSTR-positive" : "",
    population.functionalShare === 1 ? "functional" : "",
  ].filter(Boolean);
  return `${grades}; line ${population.line}${population.progressive === true ? "; progressive" : ""}${extras.length > 0 ? `; ${extras.join(", ")}` : ""}`;
}

/** One calibration target: a figure of the review and what the simulation gives on a single-treatment cohort. */
export interface CalibrationEntry {
  /** The evidence figure id, e.g. `captem.pfs.median`. */
  readonly id: string;
  readonly treatment: string;
  readonly endpoint: "pfs" | "os";
  /** The median the model was calibrated to, months (a range's midpoint, or a PSA draw from it). */
  readonly target: number;
  /** The Kaplan–Meier median on an independent single-treatment cohort. */
  readonly simulated: number;
  /** Its 95% Monte Carlo interval (R's print(survfit) limits). */
  readonly lower: number | null;
  readonly upper: number | null;
  /** (simulated − target) / target. */
  readonly relativeError: number;
  /** What is compared: the median (months, default) or survival at 60 months (%). */
  readonly measure?: "median" | "survival at 60 months";
  /** The population the simulated value is for, in words (OS targets of the sequencing structure). */
  readonly population?: string;
  /** The external evidence range the value should lie in (OS targets), when the target is a range's middle. */
  readonly range?: readonly [number, number];
  /** Whether the model was fitted to this target ("fitted") or it is only checked against it ("check"). */
  readonly role?: "calibrated" | "fitted" | "check";
}

const round = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));

/**
 * The calibration report: for every figure of the review the outcome model uses, the simulated median on a
 * fresh cohort of the scenario given only that treatment (sub-stream "calibration-check", independent of the
 * cohort the model was calibrated on), no censoring, with its 95% interval. Figures of the registry only —
 * assumed medians are not targets. O(targets × size log size).
 */
export function calibrationReport(model: OutcomeModel, scenario: Scenario, registry: EvidenceRegistry, seed: number | string, size = scenario.calibrationCohortSize ?? defaultCalibrationCohortSize): CalibrationEntry[] {
  const figureIds = new Set(registry.figures.map((f) => f.id));
  if (model.structure === "sequencing") return sequencingPfsReport(model, figureIds);
  const { hrPfs, hrPps, draws, cohort } = calibrationCohort(scenario, model.parameters, seed, "calibration-check", size);
  const entries: CalibrationEntry[] = [];
  const pfs = new Float64Array(size);
  const os = new Float64Array(size);
  const event = new Uint8Array(size).fill(1);
  const walk = new Float64Array(3);
  const patientDraws = createPatientDraws();
  const debulkingRatio = model.parameters.assumptions.hrDebulkingEffective;
  model.treatmentIds.forEach((treatment, index) => {
    const outcome = model.parameters.treatments[treatment];
    const targets = [
      { id: outcome.pfsSource, endpoint: "pfs" as const, target: outcome.pfsMedian },
      ...(outcome.osSource !== null && outcome.osMedian !== null ? [{ id: outcome.osSource, endpoint: "os" as const, target: outcome.osMedian }] : []),
    ].filter((t) => figureIds.has(t.id) && !entries.some((e) => e.id === t.id));
    if (targets.length === 0) return;
    const pathway: CompiledPathway = { label: treatment, episodes: Int32Array.of(index), debulking: Uint8Array.of(treatment === "debulking" ? 1 : 0) };
    for (let i = 0; i < size; i++) {
      const debulking = cohort.expectedCytoreductionPct[i] >= model.parameters.debulkingThreshold ? debulkingRatio : 1;
      walkPathway(pathway, model, preparePatientDraws(patientDraws, model, draws, i * outcomeDrawsPerPatient, hrPfs[i], hrPps[i], debulking), walk);
      pfs[i] = walk[0];
      os[i] = walk[1];
    }
    for (const target of targets) {
      const median = kaplanMeier(target.endpoint === "pfs" ? pfs : os, event).median;
      const simulated = median.estimate ?? NaN;
      entries.push({
        id: target.id,
        treatment,
        endpoint: target.endpoint,
        target: round(target.target)!,
        simulated: round(simulated)!,
        lower: round(median.lower),
        upper: round(median.upper),
        relativeError: round((simulated - target.target) / target.target)!,
      });
    }
  });
  return entries;
}
