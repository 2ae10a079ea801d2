import type { EnetsType, Grade, Patient } from "../cohort/Patient.js";
import { decide, type TraceEntry } from "./decide.js";
import { createPlan, encodePlan, pathwayFromCode, type PathwayStep } from "./Pathway.js";
import type { RuleThresholds } from "./RuleThresholds.js";
import type { Strategy } from "./Strategy.js";
import { gradeNames } from "./whoGrade.js";

/** A pathway with its reasons: what `pnen-sim explain --json` prints. */
export interface PathwayExplanation {
  readonly strategy: string;
  readonly grade: Grade;
  readonly enetsType: EnetsType;
  /** The pathway code, equal to {@link assignPathwayCode} for the same input. */
  readonly code: number;
  readonly pathway: readonly PathwayStep[];
  /** Every rule considered, in order, whether it fired or was rejected, with the review's section and refs. */
  readonly trace: readonly TraceEntry[];
}

/**
 * The pathway of {@link assignPathway} with the decision trace: the same decisions (one implementation,
 * `decide`), plus one entry in words per rule considered. Allocates; for display, not for simulation.
 */
export function explainPathway(patient: Patient, strategy: Strategy, thresholds: RuleThresholds): PathwayExplanation {
  const plan = createPlan();
  const trace: TraceEntry[] = [];
  const grade = decide(patient, strategy.choices, thresholds, plan, trace);
  const code = encodePlan(plan);
  return Object.freeze({
    strategy: strategy.id,
    grade: gradeNames[grade],
    enetsType: patient.enetsType,
    code,
    pathway: pathwayFromCode(code).steps,
    trace: Object.freeze(trace.map((entry) => Object.freeze(entry))),
  });
}
