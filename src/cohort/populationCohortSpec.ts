import type { PopulationSpec } from "../evidence/PopulationSpec.js";
import type { CohortColumns } from "./CohortColumns.js";
import { generateCohort } from "./generateCohort.js";
import type { CohortSpec } from "./Scenario.js";

const grades = ["G1", "G2", "G3", "NEC"] as const;

/**
 * A cohort spec narrowed to a published population: `base` (usually the registry's {@link referenceCohortSpec})
 * with what the population fixes replaced —
 * - the grade mix by `population.grades` (grades left out get share 0);
 * - the functional share, in every grade, by `population.functionalShare`;
 * - the SSTR-positive share, in every grade, by `population.sstrPositiveShare`;
 * - Ki-67 capped at `population.ki67Max` (each grade's range is cut at it; a grade whose whole range lies above
 *   collapses onto the cap);
 * - the extrahepatic-disease and serious-comorbidity shares by `extrahepaticDiseaseShare` and `seriousComorbidityShare`;
 * - the age window's upper end by `ageMax` (the age distribution truncated there).
 * Everything else (age, ENETS type, extrahepatic disease, comorbidity, …) stays as in `base`: the population
 * records rarely report it. `line`, `progressive`, `site`, `country` and `n` do not change who is drawn; the
 * outcome model reads `line` (later-line hazard ratio). Pure; O(1).
 */
export function populationCohortSpec(population: PopulationSpec, base: CohortSpec): CohortSpec {
  const grade = population.grades === undefined ? base.grade : Object.fromEntries(grades.map((g) => [g, population.grades?.[g] ?? 0])) as CohortSpec["grade"];
  const functional = population.functionalShare;
  const sstr = population.sstrPositiveShare;
  const cap = population.ki67Max;
  const ki67ByGrade = cap === undefined
    ? base.ki67ByGrade
    : Object.fromEntries(grades.map((g) => {
        const r = base.ki67ByGrade[g];
        return [g, { min: Math.min(r.min, cap), max: Math.min(r.max, cap) }];
      })) as CohortSpec["ki67ByGrade"];
  return {
    ...base,
    grade,
    ...(functional !== undefined && { functionalShare: functional, functionalShareByGrade: { G1: functional, G2: functional, G3: functional, NEC: functional } }),
    ...(sstr !== undefined && { sstrPositiveByGrade: { G1: sstr, G2: sstr, G3: sstr, NEC: sstr } }),
    ki67ByGrade,
    ...(population.extrahepaticDiseaseShare !== undefined && { extrahepaticDiseaseShare: population.extrahepaticDiseaseShare }),
    ...(population.seriousComorbidityShare !== undefined && { seriousComorbidityShare: population.seriousComorbidityShare }),
    ...(population.ageMax !== undefined && { ageYears: { ...base.ageYears, max: Math.min(base.ageYears.max, population.ageMax) } }),
  };
}

/**
 * A synthetic cohort of `size` patients matching a published population (e.g. a trial's eligibility and grade
 * mix, for issue 12's trial emulation): {@link populationCohortSpec} then `generateCohort` with the seed.
 * Browser-safe and seeded: the same population, base, seed and size give the same patients. O(size).
 */
export function populationCohort(population: PopulationSpec, base: CohortSpec, options: { readonly seed: number | string; readonly size: number; readonly accrualMonths?: number }): CohortColumns {
  return generateCohort(populationCohortSpec(population, base), { accrualMonths: options.accrualMonths ?? 0 }, { seed: options.seed, size: options.size });
}
