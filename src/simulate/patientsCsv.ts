import { EnetsTypes, Grades, Syndromes } from "../cohort/Patient.js";
import type { SimulationResult } from "./simulate.js";

/** The columns of patients.csv, in order. Events: 1 observed, 0 censored. */
export const patientsCsvColumns = [
  "patient_id",
  "strategy",
  "grade",
  "ki67",
  "functional",
  "syndrome",
  "enets_type",
  "age",
  "pathway",
  "pfs_months",
  "pfs_event",
  "os_months",
  "os_event",
] as const;

/** The header line of patients.csv (with its newline). */
export const patientsCsvHeader = `${patientsCsvColumns.join(",")}\n`;

/**
 * Rows of patients.csv for patients [start, end) of a result: one row per patient per strategy, patient by
 * patient, strategies in the result's order. Months have 4 decimals, Ki-67 one. Pathway labels contain no
 * commas or quotes ("captem>everolimus"), so no field needs quoting. O((end − start) × strategies).
 */
export function patientsCsvRows(result: SimulationResult, start: number, end: number): string {
  const { cohort, outcomes, strategies, pathwayLabels } = result;
  const parts: string[] = [];
  for (let i = start; i < end; i++) {
    const syndrome = cohort.syndrome[i];
    const patient = `${i + 1},`;
    const traits = `,${Grades[cohort.grade[i]]},${cohort.ki67[i].toFixed(1)},${syndrome === 0 ? 0 : 1},${Syndromes[syndrome]},${EnetsTypes[cohort.enetsType[i]]},${cohort.age[i]},`;
    for (let s = 0; s < strategies.length; s++) {
      const o = outcomes[s];
      parts.push(`${patient}${strategies[s]}${traits}${pathwayLabels[o.pathway[i]]},${o.pfsMonths[i].toFixed(4)},${o.pfsEvent[i]},${o.osMonths[i].toFixed(4)},${o.osEvent[i]}\n`);
    }
  }
  return parts.join("");
}

/** The whole patients.csv of a result as one string (small results; `writePatientsCsvNode` streams large ones). */
export function patientsCsv(result: SimulationResult): string {
  return patientsCsvHeader + patientsCsvRows(result, 0, result.n);
}
