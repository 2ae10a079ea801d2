import { survivalModelOfFit } from "../analysis/fittedSurvivalModel.js";
import { allocateCohortColumns, type CohortColumns } from "../cohort/CohortColumns.js";
import type { CohortSpec } from "../cohort/Scenario.js";
import { cohortBlockSize, compileCohortSpec, generateCohortRange } from "../cohort/generateCohort.js";
import { populationCohortSpec } from "../cohort/populationCohortSpec.js";
import type { PopulationSpec } from "../evidence/PopulationSpec.js";
import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import { fillUniforms } from "../random/fillUniforms.js";
import { unitExponential } from "../random/unitExponential.js";
import { type CurveBaseline, curveBaselineOf, curveBaselineTime } from "../survival/curveBaseline.js";
import { InputError } from "../util/InputError.js";
import { type BackgroundMortality, backgroundDeathMonths, compileBackgroundMortality } from "./backgroundMortality.js";
import type { OutcomeModel, SequencingModel } from "./OutcomeModel.js";
import { calibrateCurveBaseline, type CurveCalibration } from "./calibrateCurveBaseline.js";
import { chooseLifeTable, type OutcomeParameters, type TreatmentCurve } from "./OutcomeParameters.js";
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
 * What a calibration cohort is before any drawn parameter acts on it: the patients, and per patient the unit
 * exponential of line 1's PFS draw, the standard normal of the frailty draw, the unit exponential of the disease
 * death draw and the months to death from other causes (life table: not a drawn parameter). Shared by every PSA
 * replicate (only the parameters change), so a replicate's calibration skips the cohort generation and the
 * logarithms and inverse normals of its draws.
 */
interface CalibrationDraws {
  readonly cohort: CohortColumns;
  readonly pfsExposure: Float64Array;
  readonly frailtyNormal: Float64Array;
  readonly diseaseExposure: Float64Array;
  readonly otherCauseMonths: Float64Array;
}

/** Calibration draws by cohort spec, seed, size and life table; bounded (the registry has about a dozen populations, twice: fit and check). */
const drawsMemo = new Map<string, CalibrationDraws>();
const drawsMemoSize = 48;

function calibrationDraws(spec: CohortSpec, background: BackgroundMortality, size: number, seed: number | string): CalibrationDraws {
  const key = `${JSON.stringify(seed)}\u0000${size}\u0000${background.tableId}\u0000${JSON.stringify(spec)}`;
  const known = drawsMemo.get(key);
  if (known !== undefined) {
    // most recently used last
    drawsMemo.delete(key);
    drawsMemo.set(key, known);
    return known;
  }
  const cohort = allocateCohortColumns(size);
  generateCohortRange(compileCohortSpec(spec, { accrualMonths: 0 }), seed, 0, size, cohort);
  const draws = new Float64Array(cohortBlockSize * outcomeDrawsPerPatient);
  const extra = new Float64Array(cohortBlockSize * sequencingDrawsPerPatient);
  const pfsExposure = new Float64Array(size);
  const frailtyNormal = new Float64Array(size);
  const diseaseExposure = new Float64Array(size);
  const otherCauseMonths = new Float64Array(size);
  for (let done = 0; done < size; done += cohortBlockSize) {
    const count = Math.min(cohortBlockSize, size - done);
    const block = done / cohortBlockSize;
    fillUniforms(draws, count * outcomeDrawsPerPatient, seed, "outcomes", block);
    fillUniforms(extra, count * sequencingDrawsPerPatient, seed, "outcomes-sequencing", block);
    for (let p = 0; p < count; p++) {
      const i = done + p;
      frailtyNormal[i] = inverseNormalCdf(extra[p * sequencingDrawsPerPatient]);
      pfsExposure[i] = unitExponential(draws[p * outcomeDrawsPerPatient]);
      diseaseExposure[i] = unitExponential(draws[p * outcomeDrawsPerPatient + ppsDrawOffset]);
      otherCauseMonths[i] = backgroundDeathMonths(background, cohort.sex[i], cohort.age[i], unitExponential(extra[p * sequencingDrawsPerPatient + 1]));
    }
  }
  const entry = { cohort, pfsExposure, frailtyNormal, diseaseExposure, otherCauseMonths };
  if (drawsMemo.size >= drawsMemoSize) drawsMemo.delete(drawsMemo.keys().next().value!);
  drawsMemo.set(key, entry);
  return entry;
}

/**
 * The calibration cohort of a population (see {@link calibrateSequencingModel}): `size` patients of
 * `populationCohortSpec(population, reference)` drawn from the registry's calibration seed (or `seed`, for an
 * independent check), with the same draw layout as the simulation. The patients and their draws are memoised
 * (they depend on the population, the seed and the life table, never on a drawn parameter); the parameters then
 * act in O(size): hazard ratios, frailty, disease and other-cause deaths.
 */
export function sequencingCalibrationCohort(parameters: OutcomeParameters, sequencing: SequencingModel, population: PopulationSpec | null, size: number, seed: number | string = parameters.sequencing.calibrationSeed): SequencingCalibrationCohort {
  const spec = population === null ? parameters.referenceCohort : populationCohortSpec(population, parameters.referenceCohort);
  const { cohort, pfsExposure, frailtyNormal, diseaseExposure, otherCauseMonths } = calibrationDraws(spec, sequencing.background, size, seed);
  const hrPfs = new Float64Array(size);
  const hrPps = new Float64Array(size);
  const hrDeath = new Float64Array(size);
  patientHazardRatios(cohort, 0, size, parameters, hrPfs, hrPps, hrDeath);
  const exposure = new Float64Array(size);
  const deathMonths = new Float64Array(size);
  const sd = sequencing.frailtySd;
  for (let i = 0; i < size; i++) {
    const frailty = sd === 0 ? 1 : Math.exp(sd * frailtyNormal[i] - 0.5 * sd * sd);
    exposure[i] = pfsExposure[i] / (hrPfs[i] * frailty);
    const rateOn = sequencing.ppsRateByGrade[cohort.grade[i]] * hrDeath[i] * sequencing.onTreatmentDeathRatio;
    const disease = rateOn > 0 ? diseaseExposure[i] / rateOn : Infinity;
    const other = otherCauseMonths[i];
    deathMonths[i] = disease < other ? disease : other;
  }
  return { cohort, exposure, deathMonths };
}

/**
 * The PFS scale s of a treatment such that, on its calibration cohort, the median of PFS = min(s·bᵢ, Dᵢ) is the
 * target m (bᵢ the patient's line time at scale 1, Dᵢ the death before progression). Exact and closed-form: S(m) =
 * (1/n)·#{i : Dᵢ > m and s·bᵢ > m} = 1/2 holds when m/s is the (n/2)-th largest bᵢ among the patients with Dᵢ > m,
 * found by selection (Hoare's, expected O(n)). With `power` p, bᵢ is taken as xᵢ^p of the given values xᵢ: the
 * order statistic is selected on xᵢ and only it is raised to p (pow is monotone, so it is the same number as
 * selecting among the powers), which spares a pow per patient. Throws when fewer than half the patients live to m
 * (the target cannot be reached). O(n).
 */
export function scaleForMedian(base: Float64Array, deathMonths: Float64Array, target: number, what: string, power = 1): number {
  const n = base.length;
  const alive = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (deathMonths[i] > target) alive[count++] = base[i];
  const half = Math.ceil(n / 2);
  if (count < half) throw new InputError(`calibration: ${what}: a median PFS of ${target} months cannot be reached: ${((1 - count / n) * 100).toFixed(0)}% of the calibration cohort dies before it`);
  const order = selectKth(alive, count, count - half);
  return target / (power === 1 ? order : Math.pow(order, power));
}

/** The k-th smallest (0-based) of `values[0..count)`, rearranging them (Hoare's selection). Expected O(count). */
function selectKth(values: Float64Array, count: number, k: number): number {
  let left = 0;
  let right = count - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k];
  }
  return values[k];
}

/** What makes two populations draw the same calibration cohort: grades and the restrictions (not the line, site, n…). */
export function cohortKey(population: PopulationSpec | null): string {
  if (population === null) return "reference";
  const { grades, functionalShare, sstrPositiveShare, extrahepaticDiseaseShare, seriousComorbidityShare, ki67Max, ageMax } = population;
  return JSON.stringify({ grades, functionalShare, sstrPositiveShare, extrahepaticDiseaseShare, seriousComorbidityShare, ki67Max, ageMax });
}

/**
 * Each calibration patient's hazard-scale exposure on a line of treatment `id`, on the line the treatment's figure
 * was measured on: Eᵢ/(HRᵢ·Zᵢ·r^(line−1)·debulking), written into `out`. O(size).
 */
export function lineExposures(parameters: OutcomeParameters, id: string, cohort: SequencingCalibrationCohort, out: Float64Array): void {
  const a = parameters.assumptions;
  const lineRatio = Math.pow(a.hrLaterLine, (parameters.treatments[id].population?.line ?? 1) - 1);
  const debulking = id === "debulking";
  for (let i = 0; i < out.length; i++) {
    const effective = debulking && cohort.cohort.expectedCytoreductionPct[i] >= parameters.debulkingThreshold ? a.hrDebulkingEffective : 1;
    out[i] = cohort.exposure[i] / (lineRatio * effective);
  }
}

/**
 * Each calibration patient's time on a line of treatment `id` at PFS scale 1, on the line the treatment's figure was
 * measured on: (Eᵢ/(HRᵢ·Zᵢ·r^(line−1)·debulking))^(1/shape) for the shared Weibull, or the curve baseline's
 * time at that exposure when `curve` is given, written into `out`. O(size).
 */
export function lineTimesAtUnitScale(parameters: OutcomeParameters, id: string, cohort: SequencingCalibrationCohort, out: Float64Array, curve: CurveBaseline | null = null): void {
  lineExposures(parameters, id, cohort, out);
  if (curve !== null) {
    for (let i = 0; i < out.length; i++) out[i] = curveBaselineTime(curve.family, curve.shape, out[i]);
    return;
  }
  const inverseShape = 1 / parameters.assumptions.pfsShape;
  if (inverseShape !== 1) for (let i = 0; i < out.length; i++) out[i] = Math.pow(out[i], inverseShape);
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
export function calibrateSequencingModel(parameters: OutcomeParameters, options: { readonly lifeTable?: string; readonly calibrated?: SequencingCalibration } = {}): OutcomeModel {
  if (options.calibrated !== undefined) return assembleSequencingModel(parameters, options, options.calibrated);
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
  const pfsCurves: (CurveBaseline | null)[] = [];
  const pfsScale = treatmentIds.map((id) => {
    const outcome = parameters.treatments[id];
    const population = outcome.population;
    const key = cohortKey(population);
    let cohort = cohorts.get(key);
    if (cohort === undefined) {
      cohort = sequencingCalibrationCohort(parameters, sequencing, population, size);
      cohorts.set(key, cohort);
    }
    if (outcome.curve !== null) {
      // a whole curve: the baseline's shape and scale (issue 16), on the same population-matched cohort
      lineExposures(parameters, id, cohort, base);
      const fitted = calibrateTreatmentCurve(outcome.curve, base, cohort.deathMonths, `${outcome.pfsSource} (${id})`);
      pfsCurves.push(fitted.baseline);
      return fitted.scale;
    }
    pfsCurves.push(null);
    // the shared Weibull: the median's order statistic among the exposures, raised to 1/shape once
    lineExposures(parameters, id, cohort, base);
    return scaleForMedian(base, cohort.deathMonths, outcome.pfsMedian, `${outcome.pfsSource} (${id})`, 1 / a.pfsShape);
  });
  return assembleSequencingModel(parameters, options, { pfsScale, pfsCurves }, sequencing);
}

/**
 * The numbers the sequencing calibration finds (all else in the model follows from the parameters): per treatment,
 * in the order of `Object.keys(parameters.treatments)`, the PFS scale and the whole-curve baseline (null for the
 * shared Weibull). Plain JSON, so that a cache can keep them (src/simulate `calibrateWithCacheNode`).
 */
export interface SequencingCalibration {
  readonly pfsScale: readonly number[];
  readonly pfsCurves: readonly (CurveBaseline | null)[];
}

/** The sequencing model from its parameters and its calibrated numbers. O(treatments) plus compiling the life table. */
function assembleSequencingModel(parameters: OutcomeParameters, options: { readonly lifeTable?: string }, calibrated: SequencingCalibration, sequencing = sequencingModelOf(parameters, compileBackgroundMortality(chooseLifeTable(parameters, options.lifeTable)))): OutcomeModel {
  const a = parameters.assumptions;
  const treatmentIds = Object.keys(parameters.treatments);
  if (calibrated.pfsScale.length !== treatmentIds.length || calibrated.pfsCurves.length !== treatmentIds.length) throw new RangeError(`calibrateSequencingModel: calibrated numbers for ${calibrated.pfsScale.length} treatments, expected ${treatmentIds.length}`);
  const pfsCurves = [...calibrated.pfsCurves];
  return {
    parameters,
    structure: "sequencing",
    sequencing,
    treatmentIds,
    pfsScale: [...calibrated.pfsScale],
    ...(pfsCurves.some((c) => c !== null) && { pfsCurves }),
    ppsScale: treatmentIds.map(() => 0),
    pfsShape: a.pfsShape,
    ppsShape: a.ppsShape,
    deathShare: a.deathShare,
  };
}

/**
 * Calibrates a treatment's curve baseline on a cohort's exposures and competing deaths ({@link calibrateCurveBaseline}),
 * starting from the target's own family and shape. O(size × evaluations).
 */
export function calibrateTreatmentCurve(curve: TreatmentCurve, exposure: Float64Array, deathMonths: Float64Array, what: string): CurveCalibration {
  const target = survivalModelOfFit(curve.target);
  const start = curveBaselineOf(target);
  if (start === null) throw new InputError(`calibration: ${what}: a ${curve.distribution} curve cannot drive a treatment (use one of exponential, weibull, logNormal, logLogistic, gompertz)`);
  return calibrateCurveBaseline(exposure, deathMonths, target, start.baseline.family, start.baseline.shape, start.scale, curve.followUpMonths, what);
}
