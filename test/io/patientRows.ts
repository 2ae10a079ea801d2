import { EnetsTypes, Grades, Syndromes } from "../../src/cohort/Patient.js";
import type { SimulationResult } from "../../src/simulate/simulate.js";

/** The expected table rows of a result, patient by patient with strategies inner (the rows of patients.csv). */
export function expectedRows(result: SimulationResult): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  for (let i = 0; i < result.n; i++) {
    result.strategies.forEach((strategy, s) => {
      const o = result.outcomes[s]!;
      rows.push({
        patient_id: i + 1,
        strategy,
        grade: Grades[result.cohort.grade[i]!]!,
        ki67: result.cohort.ki67[i]!,
        functional: result.cohort.syndrome[i] === 0 ? 0 : 1,
        syndrome: Syndromes[result.cohort.syndrome[i]!]!,
        enets_type: EnetsTypes[result.cohort.enetsType[i]!]!,
        age: result.cohort.age[i]!,
        pathway: result.pathwayLabels[o.pathway[i]!]!,
        pfs_months: o.pfsMonths[i]!,
        pfs_event: o.pfsEvent[i]!,
        os_months: o.osMonths[i]!,
        os_event: o.osEvent[i]!,
      });
    });
  }
  return rows;
}

