import type { Differentiation, Grade } from "../cohort/Patient.js";
import type { RuleThresholds } from "./RuleThresholds.js";

/** Grade codes used by the hot path: 1 = G1, 2 = G2, 3 = G3, 4 = NEC. */
export const gradeNames: readonly Grade[] = Object.freeze(["G1", "G1", "G2", "G3", "NEC"] as const);

/**
 * WHO 2022 grade as a small integer (1 = NET G1, 2 = NET G2, 3 = NET G3, 4 = NEC); see {@link whoGrade}.
 * No allocation; O(1).
 */
export function whoGradeCode(ki67: number, mitoses: number, differentiation: Differentiation, t: RuleThresholds): number {
  if (differentiation === "poor") return 4;
  const byKi67 = ki67 < t.g1Ki67Below ? 1 : ki67 <= t.g2Ki67Upper ? 2 : 3;
  const byMitoses = mitoses < t.g1MitosesBelow ? 1 : mitoses <= t.g2MitosesUpper ? 2 : 3;
  return byKi67 > byMitoses ? byKi67 : byMitoses;
}

/**
 * WHO 2022 grade of a pancreatic neuroendocrine neoplasm (review, introduction, refs. 3–5).
 *
 * Poorly differentiated tumours are neuroendocrine carcinoma (NEC) whatever their counts. A well-differentiated
 * tumour (NET) is graded separately by Ki-67 and by mitotic count and takes the higher of the two grades:
 * G1 when Ki-67 < 3% and mitoses < 2 per 10 HPF; G2 for Ki-67 3–20% or mitoses 2–20; G3 for Ki-67 > 20% or
 * mitoses > 20. The cut-offs come from `thresholds` (data/evidence/thresholds.json). O(1).
 */
export function whoGrade(ki67: number, mitoses: number, differentiation: Differentiation, thresholds: RuleThresholds): Grade {
  return gradeNames[whoGradeCode(ki67, mitoses, differentiation, thresholds)];
}
