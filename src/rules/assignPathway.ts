import type { Patient } from "../cohort/Patient.js";
import { decide } from "./decide.js";
import { createPlan, encodePlan, pathwayFromCode, type Pathway } from "./Pathway.js";
import type { RuleThresholds } from "./RuleThresholds.js";
import type { Strategy } from "./Strategy.js";

const scratch = createPlan();

/**
 * The pathway code of a patient under a strategy: a non-negative integer, equal for equal pathways
 * ({@link pathwayFromCode} turns it into the steps). The hot path of the simulation: no trace, no strings,
 * no allocation; O(1). The patient must be valid (see parsePatient); nothing is checked here.
 */
export function assignPathwayCode(patient: Patient, strategy: Strategy, thresholds: RuleThresholds): number {
  decide(patient, strategy.choices, thresholds, scratch, null);
  return encodePlan(scratch);
}

/**
 * The treatment pathway the review's logic (as changed by `strategy`) gives `patient`: a frozen, shared
 * {@link Pathway} of ordered steps. No allocation after the first patient with the same pathway; O(1).
 * Use {@link explainPathway} for the reasons.
 */
export function assignPathway(patient: Patient, strategy: Strategy, thresholds: RuleThresholds): Pathway {
  decide(patient, strategy.choices, thresholds, scratch, null);
  return pathwayFromCode(encodePlan(scratch));
}
