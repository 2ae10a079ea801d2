import { allocateCohortColumns, type CohortColumns } from "../cohort/CohortColumns.js";
import { cohortBlockSize, compileCohortSpec, generateCohortRange } from "../cohort/generateCohort.js";
import { populationCohortSpec } from "../cohort/populationCohortSpec.js";
import type { PopulationSpec } from "../evidence/PopulationSpec.js";
import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import { fillUniforms } from "../random/fillUniforms.js";
import { unitExponential } from "../random/unitExponential.js";
import { InputError } from "../util/InputError.js";
import { type BackgroundMortality, backgroundDeathMonths, compileBackgroundMortality } from "./backgroundMortality.js";
import type { OutcomeModel, SequencingModel } from "./OutcomeModel.js";
import { chooseLifeTable, type OutcomeParameters } from "./OutcomeParameters.js";
import { patientHazardRatios } from "./patientHazardRatios.js";
import { maximumPathwayLines, outcomeDrawsPerPatient, ppsDrawOffset, sequencingDrawsPerPatient } from "./walkPathway.js";

/** The sequencing numbers of the model from the parameters (see {@link SequencingModel}). O(grades × lines). */
export function sequencingModelOf(parameters: OutcomeParameters, background: BackgroundMortality): SequencingModel {
  const q = parameters.sequencing;
  const byGroup = (low: number, g3: number, nec: number) => [low, low, g3, nec];
  const first = byGroup(q.nextLineLowGrade, q.nextLineG3, q.nextLineNec);
  const nextLineProbability: number[] = [];
  for (let g = 0; g < 4; g++) for (let j = 0; j < maximumPathwayLines; j++) nextLineProbability.push(Math.min(1, Math.max(0, first[g] * Math.pow(q.nextLineDecline, j))));
  return {
    ppsRateByGrade: byGroup(q.ppsRateLowGrade, q.ppsRateG3, q.ppsRateNec),
    onTreatmentDeathRatio: q.onTreatmentDeathRatio,
    nextLineProbability,
    gapMonths: q.gapMonths,
    frailtySd: Math.sqrt(q.frailtyLogVariance),
    background,
  };
}

/** A population-matched calibration cohort: per patient, what the PFS of a line depends on. */
export interface SequencingCalibrationCohort {
  readonly cohort: CohortColumns;
  /** Unit exponential of line 1's PFS draw divided by the patient factors and the frailty (before the line's own ratio). */
  readonly exposure: Float64Array;
  /** Months to death before progression on a line started at time 0: disease death on treatment or other causes. */
  readonly deathMonths: Float64Array;
}

/**
 * The calibration cohort of a population (see {@link calibrateSequencingModel}): `size` patients of
 * `populationCohortSpec(population, reference)` drawn from the registry's calibration seed (or `seed`, for an
 * independent check), with the same draw layout as the simulation. O(size).
 */
export function sequencingCalibrationCohort(parameters: OutcomeParameters, sequencing: SequencingModel, population: PopulationSpec | null, size: number, seed: number | string = parameters.sequencing.calibrationSeed): SequencingCalibrationCohort {
  const spec = population === null ? parameters.referenceCohort : populationCohortSpec(population, parameters.referenceCohort);
  const cohort = allocateCohortColumns(size);
  generateCohortRange(compileCohortSpec(spec, { accrualMonths: 0 }), seed, 0, size, cohort);
  const hrPfs = new Float64Array(size);
  const hrPps = new Float64Array(size);
  const hrDeath = new Float64Array(size);
  patientHazardRatios(cohort, 0, size, parameters, hrPfs, hrPps, hrDeath);
  const draws = new Float64Array(cohortBlockSize * outcomeDrawsPerPatient);
  const extra = new Float64Array(cohortBlockSize * sequencingDrawsPerPatient);
  const exposure = new Float64Array(size);
  const deathMonths = new Float64Array(size);
  const sd = sequencing.frailtySd;
  for (let done = 0; done < size; done += cohortBlockSize) {
    const count = Math.min(cohortBlockSize, size - done);
    const block = done / cohortBlockSize;
    fillUniforms(draws, count * outcomeDrawsPerPatient, seed, "outcomes", block);
    fillUniforms(extra, count * sequencingDrawsPerPatient, seed, "outcomes-sequencing", block);
    for (let p = 0; p < count; p++) {
      const i = done + p;
      const frailty = sd === 0 ? 1 : Math.exp(sd * inverseNormalCdf(extra[p * sequencingDrawsPerPatient]) - 0.5 * sd * sd);
      exposure[i] = unitExponential(draws[p * outcomeDrawsPerPatient]) / (hrPfs[i] * frailty);
      const rateOn = sequencing.ppsRateByGrade[cohort.grade[i]] * hrDeath[i] * sequencing.onTreatmentDeathRatio;
      const disease = rateOn > 0 ? unitExponential(draws[p * outcomeDrawsPerPatient + ppsDrawOffset]) / rateOn : Infinity;
      const other = backgroundDeathMonths(sequencing.background, cohort.sex[i], cohort.age[i], unitExponential(extra[p * sequencingDrawsPerPatient + 1]));
      deathMonths[i] = disease < other ? disease : other;
    }
  }
  return { cohort, exposure, deathMonths };
}

/**
 * The PFS scale s of a treatment such that, on its calibration cohort, the median of PFS = min(s·bᵢ, Dᵢ) is the
 * target m (bᵢ the patient's line time at scale 1, Dᵢ the death before progression). Exact and closed-form: S(m) =
 * (1/n)·#{i : Dᵢ > m and s·bᵢ > m} = 1/2 holds when m/s is the (n/2)-th largest bᵢ among the patients with Dᵢ > m,
 * found by sorting those. Throws when fewer than half the patients live to m (the target cannot be reached).
 * O(n log n).
 */
export function scaleForMedian(base: Float64Array, deathMonths: Float64Array, target: number, what: string): number {
  const n = base.length;
  const alive = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (deathMonths[i] > target) alive[count++] = base[i];
  const half = Math.ceil(n / 2);
  if (count < half) throw new InputError(`calibration: ${what}: a median PFS of ${target} months cannot be reached: ${((1 - count / n) * 100).toFixed(0)}% of the calibration cohort dies before it`);
  const sorted = alive.subarray(0, count).sort(); // ascending, numeric
  return target / sorted[count - half];
}

/** What makes two populations draw the same calibration cohort: grades and the restrictions (not the line, site, n…). */
export function cohortKey(population: PopulationSpec | null): string {
  if (population === null) return "reference";
  const { grades, functionalShare, sstrPositiveShare, extrahepaticDiseaseShare, seriousComorbidityShare, ki67Max, ageMax } = population;
  return JSON.stringify({ grades, functionalShare, sstrPositiveShare, extrahepaticDiseaseShare, seriousComorbidityShare, ki67Max, ageMax });
}

/**
 * Each calibration patient's time on a line of treatment `id` at PFS scale 1, on the line the treatment's figure was
 * measured on: (Eᵢ/(HRᵢ·Zᵢ·r^(line−1)·debulking))^(1/shape), written into `out`. O(size).
 */
export function lineTimesAtUnitScale(parameters: OutcomeParameters, id: string, cohort: SequencingCalibrationCohort, out: Float64Array): void {
  const a = parameters.assumptions;
  const inverseShape = 1 / a.pfsShape;
  const lineRatio = Math.pow(a.hrLaterLine, (parameters.treatments[id].population?.line ?? 1) - 1);
  const debulking = id === "debulking";
  for (let i = 0; i < out.length; i++) {
    const effective = debulking && cohort.cohort.expectedCytoreductionPct[i] >= parameters.debulkingThreshold ? a.hrDebulkingEffective : 1;
    const exposure = cohort.exposure[i] / (lineRatio * effective);
    out[i] = inverseShape === 1 ? exposure : Math.pow(exposure, inverseShape);
  }
}

/**
 * Calibrates the sequencing structure (issue 11): for every treatment, the Weibull PFS scale of a first line such
 * that patients drawn to match the population of the figure behind it (its `populationSpec`: grade mix, line of
 * therapy, SSTR and functional status, Ki-67 cap), on the line the figure was measured on (later-line ratio r^(line−1)),
 * with their patient factors, frailty and the competing deaths of the model, reach the figure's median PFS. The
 * cohorts are drawn with the registry's calibration seed (`outcome.calibration.seed`), so the model does not depend
 * on any scenario: patient-factor hazard ratios then carry each baseline to the population being simulated.
 * Populations shared by several treatments share one cohort. Cost O(populations × size log size): about 0.2 s for
 * the registry's dozen populations of 20,000 (more on a cold start); repeated calls with the same parameters are
 * answered from a small memo.
 */
export function calibrateSequencingModel(parameters: OutcomeParameters, options: { readonly lifeTable?: string } = {}): OutcomeModel {
  // a pure function of its inputs: memoised by their JSON (a few ms to build) so that a report, a dashboard re-run
  // or a test that asks again for the same registry pays the calibration once; at most 16 models are kept
  const key = `${options.lifeTable ?? ""}\u0000${JSON.stringify(parameters)}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const model = calibrateSequencingModelUncached(parameters, options);
  if (memo.size >= 16) memo.delete(memo.keys().next().value!);
  memo.set(key, model);
  return model;
}

const memo = new Map<string, OutcomeModel>();

function calibrateSequencingModelUncached(parameters: OutcomeParameters, options: { readonly lifeTable?: string }): OutcomeModel {
  const background = compileBackgroundMortality(chooseLifeTable(parameters, options.lifeTable));
  const sequencing = sequencingModelOf(parameters, background);
  const a = parameters.assumptions;
  const size = parameters.sequencing.calibrationCohortSize;
  const treatmentIds = Object.keys(parameters.treatments);
  const cohorts = new Map<string, SequencingCalibrationCohort>();
  const base = new Float64Array(size);
  const pfsScale = treatmentIds.map((id) => {
    const outcome = parameters.treatments[id];
    const population = outcome.population;
    const key = cohortKey(population);
    let cohort = cohorts.get(key);
    if (cohort === undefined) {
      cohort = sequencingCalibrationCohort(parameters, sequencing, population, size);
      cohorts.set(key, cohort);
    }
    lineTimesAtUnitScale(parameters, id, cohort, base);
    return scaleForMedian(base, cohort.deathMonths, outcome.pfsMedian, `${outcome.pfsSource} (${id})`);
  });
  return {
    parameters,
    structure: "sequencing",
    sequencing,
    treatmentIds,
    pfsScale,
    ppsScale: treatmentIds.map(() => 0),
    pfsShape: a.pfsShape,
    ppsShape: a.ppsShape,
    deathShare: a.deathShare,
  };
}
