import { EnetsTypes, Grades, Syndromes, type CohortColumns } from "../engine/cohort/index.js";
import type { RuleThresholds } from "../engine/rules/index.js";

/** One segment of the cohort-characteristics bars: a characteristic, one of its categories, and its count. */
export interface CharacteristicRow {
  readonly characteristic: string;
  readonly category: string;
  readonly count: number;
  readonly share: number;
}

function tally(characteristic: string, categories: readonly string[], code: (i: number) => number, size: number): CharacteristicRow[] {
  const counts = new Float64Array(categories.length);
  for (let i = 0; i < size; i++) counts[code(i)]++;
  return categories.map((category, k) => ({ characteristic, category, count: counts[k]!, share: size > 0 ? counts[k]! / size : 0 }));
}

/**
 * Counts of the cohort's WHO grade, Ki-67 band (the WHO 2022 cut-offs of the rule thresholds), hormonal
 * syndrome and ENETS liver type, for the composition bars of the Cohort page. Counting only; O(n).
 */
export function cohortCharacteristics(cohort: CohortColumns, thresholds: RuleThresholds): CharacteristicRow[] {
  const n = cohort.size;
  const low = thresholds.g1Ki67Below;
  const high = thresholds.g2Ki67Upper;
  const ki67Bands = [`Ki-67 < ${low}%`, `${low}–${high}%`, `> ${high}%`];
  const syndromeNames = Syndromes.map((s) => (s === "none" ? "non-functional" : s));
  return [
    ...tally("WHO grade", Grades, (i) => cohort.grade[i]!, n),
    ...tally("Ki-67", ki67Bands, (i) => (cohort.ki67[i]! < low ? 0 : cohort.ki67[i]! <= high ? 1 : 2), n),
    ...tally("Function", syndromeNames, (i) => cohort.syndrome[i]!, n),
    ...tally("ENETS type", EnetsTypes.map((t) => `type ${t}`), (i) => cohort.enetsType[i]!, n),
  ];
}
