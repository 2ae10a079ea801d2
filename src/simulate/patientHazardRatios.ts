import type { CohortColumns } from "../cohort/CohortColumns.js";
import type { OutcomeParameters } from "./OutcomeParameters.js";

/** Slots of the memo tables of {@link patientHazardRatios} (powers of two: Ki-67 × 10 and age index them). */
const ki67MemoSize = 1024;
const ageMemoSize = 256;

/**
 * The patient-factor hazard ratios of every patient of a cohort range, multiplied together (proportional
 * hazards, factors independent):
 *
 *   progression:       grade (G1 = 1) × Ki-67 per 10 points × functional × ENETS type (I = 1) × extrahepatic
 *   post-progression:  the same × serious comorbidity × inadequate liver reserve × age per 10 years from the reference
 *
 * Each factor is a labelled assumption in data/assumptions/simulation.json. Writes patient `start + k` into
 * `pfs[k]` and `pps[k]` (and, when given, into `death[k]` the post-progression ratio without the grade factor:
 * the sequencing structure's death hazard ratio); O(count), plus two small memo tables. The two exponentials are memoised: ages are
 * whole years and Ki-67 has one decimal, so a block of patients has only a few hundred distinct values, and
 * each table entry keeps the exact argument it was computed for (a value not seen yet, or one that shares
 * a slot, is computed afresh), so the result is the same number Math.exp gives.
 */
export function patientHazardRatios(columns: CohortColumns, start: number, count: number, parameters: OutcomeParameters, pfs: Float64Array, pps: Float64Array, death?: Float64Array): void {
  const a = parameters.assumptions;
  const byGrade = [1, a.hrGradeG2, a.hrGradeG3, a.hrGradeNec];
  const byType = [1, a.hrEnetsII, a.hrEnetsIII];
  const logKi67 = Math.log(a.hrKi67Per10) / 10;
  const logAge = Math.log(a.hrAgePer10Years) / 10;
  const { hrFunctional, hrExtrahepatic, hrComorbidity, hrInadequateReserve, ageReference } = a;
  const { grade, enetsType, ki67, syndrome, extrahepaticDisease, age, seriousComorbidity, adequateLiverReserve } = columns;
  const ki67Keys = new Float64Array(ki67MemoSize).fill(NaN);
  const ki67Factors = new Float64Array(ki67MemoSize);
  const ageKeys = new Float64Array(ageMemoSize).fill(NaN);
  const ageFactors = new Float64Array(ageMemoSize);
  for (let i = start, end = start + count; i < end; i++) {
    const k = ki67[i];
    const ki67Slot = (k * 10) & (ki67MemoSize - 1);
    let ki67Factor: number;
    if (ki67Keys[ki67Slot] === k) ki67Factor = ki67Factors[ki67Slot];
    else {
      ki67Factor = Math.exp(logKi67 * k);
      ki67Keys[ki67Slot] = k;
      ki67Factors[ki67Slot] = ki67Factor;
    }
    let hr = byGrade[grade[i]] * byType[enetsType[i]] * ki67Factor;
    if (syndrome[i] !== 0) hr *= hrFunctional;
    if (extrahepaticDisease[i] === 1) hr *= hrExtrahepatic;
    pfs[i - start] = hr;
    const years = age[i];
    const ageSlot = years & (ageMemoSize - 1);
    let ageFactor: number;
    if (ageKeys[ageSlot] === years) ageFactor = ageFactors[ageSlot];
    else {
      ageFactor = Math.exp(logAge * (years - ageReference));
      ageKeys[ageSlot] = years;
      ageFactors[ageSlot] = ageFactor;
    }
    let post = hr * ageFactor;
    if (seriousComorbidity[i] === 1) post *= hrComorbidity;
    if (adequateLiverReserve[i] === 0) post *= hrInadequateReserve;
    pps[i - start] = post;
    // the sequencing structure's death hazard ratio: the post-progression one without the grade, which its
    // post-progression death rate by grade already carries
    if (death !== undefined) death[i - start] = post / byGrade[grade[i]];
  }
}
