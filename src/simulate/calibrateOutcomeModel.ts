import { type CohortColumns, allocateCohortColumns } from "../cohort/CohortColumns.js";
import { cohortBlockSize, compileCohortSpec, generateCohortRange } from "../cohort/generateCohort.js";
import type { Scenario } from "../cohort/Scenario.js";
import { fillUniforms } from "../random/fillUniforms.js";
import { subStreamSeed, unitExponential } from "../random/index.js";
import { InputError } from "../util/InputError.js";
import type { OutcomeModel } from "./OutcomeModel.js";
import type { OutcomeParameters } from "./OutcomeParameters.js";
import { calibrateSequencingModel } from "./calibrateSequencingModel.js";
import { patientHazardRatios } from "./patientHazardRatios.js";
import { outcomeDrawsPerPatient, ppsDrawOffset } from "./walkPathway.js";

/** Patients in each single-treatment calibration cohort unless the scenario says otherwise. */
export const defaultCalibrationCohortSize = 20_000;

/** The k-th smallest value of `values[0..n)` (0-based), rearranging `values` (Hoare's selection). Expected O(n). */
function select(values: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
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

/**
 * The median of a sample (mean of the two middle values for an even count), by selection on a copy (into
 * `scratch` when given, which must be at least as long). Expected O(n), no sort.
 */
export function sampleMedian(values: Float64Array, scratch: Float64Array = new Float64Array(values.length)): number {
  const n = values.length;
  scratch.set(values);
  const middle = n >> 1;
  const upper = select(scratch, n, middle);
  if (n % 2 === 1) return upper;
  let lower = -Infinity;
  for (let i = 0; i < middle; i++) if (scratch[i] > lower) lower = scratch[i];
  return (lower + upper) / 2;
}

/** A calibration cohort: patients, their hazard ratios and their outcome uniforms. */
export interface CalibrationCohort {
  readonly cohort: CohortColumns;
  readonly hrPfs: Float64Array;
  readonly hrPps: Float64Array;
  readonly draws: Float64Array;
}

/**
 * A cohort of `size` patients from the scenario's distributions drawn from the sub-stream `(seed, key)`, with
 * their hazard ratios and outcome uniforms (same layout as the simulation's). O(size).
 */
export function calibrationCohort(scenario: Scenario, parameters: OutcomeParameters, seed: number | string, key: string, size: number): CalibrationCohort {
  const cohort = allocateCohortColumns(size);
  const calibrationSeed = subStreamSeed(seed, key);
  generateCohortRange(compileCohortSpec(scenario.cohort, scenario.followUp), calibrationSeed, 0, size, cohort);
  const hrPfs = new Float64Array(size);
  const hrPps = new Float64Array(size);
  patientHazardRatios(cohort, 0, size, parameters, hrPfs, hrPps);
  const draws = new Float64Array(size * outcomeDrawsPerPatient);
  for (let done = 0; done < size; done += cohortBlockSize) {
    const count = Math.min(cohortBlockSize, size - done);
    fillUniforms(draws.subarray(done * outcomeDrawsPerPatient), count * outcomeDrawsPerPatient, calibrationSeed, "outcomes", done / cohortBlockSize);
  }
  return { cohort, hrPfs, hrPps, draws };
}

/**
 * The "sum-of-lines" structure (issue 5; kept as a named alternative, scenario `"structure": "sum-of-lines"`).
 * Calibrates the outcome model to the reported medians on a single-treatment cohort drawn from the scenario
 * (the patient factors included), so that the review's figures are reached by construction, not by luck:
 *
 * 1. PFS: with proportional hazards a Weibull time is scale × (E/HR)^(1/shape), so the cohort's median PFS is
 *    scale × the median of (E/HR)^(1/shape): the scale is the target divided by that median (exact, one pass).
 * 2. OS, where the review gives a median (sunitinib 47.5, everolimus 44 months): OS = PFS + post-progression
 *    survival unless the PFS event was a death; the post-progression scale is found by bisection so that the
 *    cohort's median OS is the target (the median is monotone in the scale). Other treatments get the assumed
 *    post-progression median `simulation.pps.median`.
 *
 * Deterministic for a seed (sub-stream "calibration"). Cost O(treatments × size) by selection — tens of
 * milliseconds for 20,000 patients; a dashboard that re-simulates can also pass the model back in.
 *
 * Why this and src/survival's `calibratePostProgression` both exist: that one calibrates one homogeneous PFS
 * curve by numeric convolution (S_OS = S_PFS + (1 − π)·∫S_PPS dF_PFS); here the target is the median of a
 * *cohort* whose patients each have their own hazard ratios on PFS and on post-progression survival (a mixture
 * over thousands of hazard ratios, and a PFS event's death share tied to the same uniform the simulation uses),
 * which one convolution cannot represent and one per patient would cost thousands of times more. The cohort
 * median is a monotone step-like function of the post-progression scale, so plain bisection on a bracket is used.
 * The two agree when every hazard ratio is 1 (test/simulate/calibrateOutcomeModel.test.ts).
 *
 * Accuracy: on the calibration cohort the medians are hit to 1e-9 relative; on an independent cohort (the
 * calibration report) they differ by the Monte Carlo error of two 20,000-patient cohorts — a relative standard
 * error of about 1.4% on a median, seed-dependent in sign (e.g. +2–3% for the OS targets at the default seed,
 * −1% at others). A larger `calibrationCohortSize` in the scenario shrinks it as 1/√size.
 */
export function calibrateSumOfLinesModel(parameters: OutcomeParameters, scenario: Scenario, seed: number | string, size = scenario.calibrationCohortSize ?? defaultCalibrationCohortSize): OutcomeModel {
  const a = parameters.assumptions;
  const { hrPfs, hrPps, draws, cohort } = calibrationCohort(scenario, parameters, seed, "calibration", size);
  const treatmentIds = Object.keys(parameters.treatments);
  const pfsShape = a.pfsShape;
  const ppsShape = a.ppsShape;
  const pfsScale: number[] = [];
  const ppsScale: number[] = [];
  const pfsUnit = new Float64Array(size);
  const ppsUnit = new Float64Array(size);
  const survivesFirstLine = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const offset = i * outcomeDrawsPerPatient;
    ppsUnit[i] = Math.pow(unitExponential(draws[offset + ppsDrawOffset]) / hrPps[i], 1 / ppsShape);
    survivesFirstLine[i] = draws[offset + 1] < a.deathShare ? 0 : 1;
  }
  const os = new Float64Array(size);
  const scratch = new Float64Array(size);
  for (const id of treatmentIds) {
    const outcome = parameters.treatments[id];
    const debulking = id === "debulking";
    for (let i = 0; i < size; i++) {
      const hr = debulking && cohort.expectedCytoreductionPct[i] >= parameters.debulkingThreshold ? hrPfs[i] * a.hrDebulkingEffective : hrPfs[i];
      pfsUnit[i] = Math.pow(unitExponential(draws[i * outcomeDrawsPerPatient]) / hr, 1 / pfsShape);
    }
    const scale = outcome.pfsMedian / sampleMedian(pfsUnit, scratch);
    pfsScale.push(scale);
    if (outcome.osMedian === null) {
      ppsScale.push(a.ppsMedian / Math.pow(Math.LN2, 1 / ppsShape));
      continue;
    }
    const target = outcome.osMedian;
    const medianOs = (post: number) => {
      for (let i = 0; i < size; i++) os[i] = scale * pfsUnit[i] + (survivesFirstLine[i] === 1 ? post * ppsUnit[i] : 0);
      return sampleMedian(os, scratch);
    };
    if (medianOs(0) >= target) {
      throw new InputError(`calibration: ${outcome.osSource} (${target} months) is not above the median PFS of ${id} (${outcome.pfsMedian} months)`);
    }
    let low = 0;
    let high = target;
    // with half or more of the first-line PFS events being deaths, no post-progression survival reaches the target
    for (let doublings = 0; medianOs(high) < target; doublings++) {
      if (doublings === 60) {
        throw new InputError(`calibration: ${outcome.osSource} (${target} months) cannot be reached for ${id}: with ${a.deathShare} of PFS events being deaths, the cohort's median OS stays below it however long post-progression survival is`);
      }
      high *= 2;
    }
    for (let step = 0; step < 60 && high - low > 1e-9 * high; step++) {
      const middle = (low + high) / 2;
      if (medianOs(middle) < target) low = middle;
      else high = middle;
    }
    ppsScale.push((low + high) / 2);
  }
  return { parameters, structure: "sum-of-lines", sequencing: null, treatmentIds, pfsScale, ppsScale, pfsShape, ppsShape, deathShare: a.deathShare };
}

/**
 * The calibrated outcome model of a scenario, in the scenario's structure (`structure`, default "sequencing"):
 *
 * - "sequencing" ({@link calibrateSequencingModel}): every treatment's baseline is calibrated once on a cohort drawn to
 *   match the population of the figure behind it, with the registry's own calibration seed — a property of the
 *   registry, so the scenario's cohort and seed play no part (a scenario never re-imposes a target on its own cohort);
 * - "sum-of-lines" ({@link calibrateSumOfLinesModel}): the earlier structure, calibrated on the scenario's cohort.
 */
export function calibrateOutcomeModel(parameters: OutcomeParameters, scenario: Scenario, seed: number | string, size?: number): OutcomeModel {
  if (scenario.structure === "sum-of-lines") return calibrateSumOfLinesModel(parameters, scenario, seed, size);
  return calibrateSequencingModel(parameters, { lifeTable: scenario.lifeTable });
}
