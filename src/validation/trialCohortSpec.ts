import { populationCohortSpec } from "../cohort/populationCohortSpec.js";
import type { CohortSpec } from "../cohort/Scenario.js";
import type { PopulationGrade, PopulationSpec } from "../evidence/PopulationSpec.js";
import type { TrialPopulation } from "./parseTrialFile.js";

/**
 * A trial file's population as the registry's structured population ({@link PopulationSpec}): grade mix (null
 * grades count 0), functional and SSTR-positive shares (true → 1, false → 0, or the share given), Ki-67 and age
 * limits. Fields left out or null stay as in the base cohort. The line is 1 here: each patient's line comes from
 * `priorSystemicLines` (see {@link priorLineCumulative}). O(1).
 */
export function trialPopulationSpec(population: TrialPopulation): PopulationSpec {
  const grades = population.grades === undefined || population.grades === null
    ? undefined
    : (Object.fromEntries(Object.entries(population.grades).map(([g, share]) => [g, share ?? 0])) as Partial<Record<PopulationGrade, number>>);
  const flagShare = (flag: boolean | null | undefined, share: number | null | undefined) => (flag === true ? 1 : flag === false ? 0 : share ?? undefined);
  const functionalShare = flagShare(population.functional, population.functionalShare);
  const sstrPositiveShare = flagShare(population.sstrPositive, population.sstrPositiveShare);
  return {
    ...(grades !== undefined && { grades }),
    line: 1,
    progressive: population.progressive ?? "mixed",
    site: "pancreas",
    country: population.country ?? "not given",
    ...(functionalShare !== undefined && { functionalShare }),
    ...(sstrPositiveShare !== undefined && { sstrPositiveShare }),
    ...(population.ki67Max !== undefined && population.ki67Max !== null && { ki67Max: population.ki67Max }),
    ...(population.ageMax !== undefined && population.ageMax !== null && { ageMax: population.ageMax }),
  };
}

/** The cohort spec of a trial's population: {@link trialPopulationSpec} narrowing `base` (src/cohort populationCohortSpec). O(1). */
export function trialCohortSpec(population: TrialPopulation, base: CohortSpec): CohortSpec {
  return populationCohortSpec(trialPopulationSpec(population), base);
}

/**
 * Cumulative shares of 0, 1, …, 5 earlier systemic lines (`priorSystemicLines`; absent or null: everyone on
 * line 1), for drawing each patient's number of earlier lines by inversion. O(1).
 */
export function priorLineCumulative(population: TrialPopulation): Float64Array {
  const shares = population.priorSystemicLines ?? { "0": 1 };
  const out = new Float64Array(6);
  let sum = 0;
  for (let k = 0; k < 6; k++) {
    sum += shares[String(k)] ?? 0;
    out[k] = sum;
  }
  out[5] = Infinity; // rounding can leave the sum just under 1
  return out;
}
