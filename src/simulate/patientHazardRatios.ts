import type { CohortColumns } from "../cohort/CohortColumns.js";
import type { OutcomeParameters } from "./OutcomeParameters.js";

/**
 * The patient-factor hazard ratios of every patient of a cohort range, multiplied together (proportional
 * hazards, factors independent):
 *
 *   progression:       grade (G1 = 1) × Ki-67 per 10 points × functional × ENETS type (I = 1) × extrahepatic
 *   post-progression:  the same × serious comorbidity × inadequate liver reserve × age per 10 years from the reference
 *
 * Each factor is a labelled assumption in data/assumptions/simulation.json. Writes patient `start + k` into
 * `pfs[k]` and `pps[k]`; O(count), no allocation.
 */
export function patientHazardRatios(columns: CohortColumns, start: number, count: number, parameters: OutcomeParameters, pfs: Float64Array, pps: Float64Array): void {
  const a = parameters.assumptions;
  const byGrade = [1, a.hrGradeG2, a.hrGradeG3, a.hrGradeNec];
  const byType = [1, a.hrEnetsII, a.hrEnetsIII];
  const logKi67 = Math.log(a.hrKi67Per10) / 10;
  const logAge = Math.log(a.hrAgePer10Years) / 10;
  const { hrFunctional, hrExtrahepatic, hrComorbidity, hrInadequateReserve, ageReference } = a;
  const { grade, enetsType, ki67, syndrome, extrahepaticDisease, age, seriousComorbidity, adequateLiverReserve } = columns;
  for (let i = start, end = start + count; i < end; i++) {
    let hr = byGrade[grade[i]] * byType[enetsType[i]] * Math.exp(logKi67 * ki67[i]);
    if (syndrome[i] !== 0) hr *= hrFunctional;
    if (extrahepaticDisease[i] === 1) hr *= hrExtrahepatic;
    pfs[i - start] = hr;
    let post = hr * Math.exp(logAge * (age[i] - ageReference));
    if (seriousComorbidity[i] === 1) post *= hrComorbidity;
    if (adequateLiverReserve[i] === 0) post *= hrInadequateReserve;
    pps[i - start] = post;
  }
}
