import type { FieldReader } from "./FieldReader.js";

/** The WHO 2022 grades a population's grade mix is given over. */
export const populationGrades = ["G1", "G2", "G3", "NEC"] as const;
export type PopulationGrade = (typeof populationGrades)[number];

/**
 * The population a figure (or an assumed median) was measured in, as structured data, so that a model can be
 * calibrated on a synthetic cohort drawn to match it (src/cohort `populationCohortSpec`) and a trial population
 * can be emulated (issue 12):
 * - `grades`: WHO grade mix (shares adding up to 1; grades left out have share 0). Absent when the source does
 *   not report it — such a figure can be a check but cannot drive a model;
 * - `line`: the line of therapy at which the figure's clock starts (1 = the first treatment of the metastatic
 *   disease; 2 = after one earlier line, typical of trials in progressive disease);
 * - `progressive`: whether patients had to be progressing at entry (true, false or "mixed");
 * - `site`: pancreas only, or mixed with other primary sites (or extrapancreatic only);
 * - `country`, and `n` (patients) where the source gives it;
 * - optional restrictions: `functionalShare`, `sstrPositiveShare`, `extrahepaticDiseaseShare`,
 *   `seriousComorbidityShare` (shares), `ki67Max` and `ageMax` (upper limits: percent, years).
 */
export interface PopulationSpec {
  readonly grades?: Readonly<Partial<Record<PopulationGrade, number>>>;
  readonly line: number;
  readonly progressive: boolean | "mixed";
  readonly site: "pancreas" | "mixed" | "extrapancreatic";
  readonly country: string;
  readonly n?: number;
  readonly functionalShare?: number;
  readonly sstrPositiveShare?: number;
  readonly extrahepaticDiseaseShare?: number;
  readonly seriousComorbidityShare?: number;
  readonly ki67Max?: number;
  readonly ageMax?: number;
  readonly note?: string;
}

const sites = ["pancreas", "mixed", "extrapancreatic"] as const;

/** Reads and checks a `populationSpec` object (every problem named by its field); undefined when broken. */
export function readPopulationSpec(reader: FieldReader): PopulationSpec | undefined {
  let grades: Partial<Record<PopulationGrade, number>> | undefined;
  let ok = true;
  const gradeReader = reader.object("grades");
  if (gradeReader !== undefined) {
    grades = {};
    let sum = 0;
    for (const grade of populationGrades) {
      const share = gradeReader.number(grade);
      if (share !== undefined) {
        grades[grade] = share;
        sum += share;
      } else if (gradeReader.has(grade)) ok = false;
    }
    gradeReader.rejectUnknownFields();
    if (ok && Math.abs(sum - 1) > 1e-6) {
      reader.problem("grades", `the shares must add up to 1, got ${Number(sum.toPrecision(6))}`);
      ok = false;
    }
  }
  const line = reader.number("line");
  const progressiveValue = reader.booleanOrMixed("progressive");
  const site = reader.oneOf("site", sites);
  const country = reader.string("country");
  const n = reader.number("n");
  const share = (field: string) => {
    const value = reader.number(field);
    if (value === undefined && reader.has(field)) ok = false;
    return value;
  };
  const functionalShare = share("functionalShare");
  const sstrPositiveShare = share("sstrPositiveShare");
  const extrahepaticDiseaseShare = share("extrahepaticDiseaseShare");
  const seriousComorbidityShare = share("seriousComorbidityShare");
  const ki67Max = reader.number("ki67Max");
  const ageMax = reader.number("ageMax");
  const note = reader.string("note");
  reader.rejectUnknownFields();
  if (!ok || line === undefined || progressiveValue === undefined || site === undefined || country === undefined) return undefined;
  return {
    ...(grades !== undefined && { grades }),
    line,
    progressive: progressiveValue,
    site,
    country,
    ...(n !== undefined && { n }),
    ...(functionalShare !== undefined && { functionalShare }),
    ...(sstrPositiveShare !== undefined && { sstrPositiveShare }),
    ...(extrahepaticDiseaseShare !== undefined && { extrahepaticDiseaseShare }),
    ...(seriousComorbidityShare !== undefined && { seriousComorbidityShare }),
    ...(ki67Max !== undefined && { ki67Max }),
    ...(ageMax !== undefined && { ageMax }),
    ...(note !== undefined && { note }),
  };
}
