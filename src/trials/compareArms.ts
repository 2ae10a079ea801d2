import { eventTableCore } from "../analysis/eventTable.js";
import { kaplanMeierFromTable } from "../analysis/kaplanMeier.js";
import { logRankFromTable } from "../analysis/logRank.js";
import { rmstFromKaplanMeier } from "../analysis/rmst.js";
import type { ResolvedDesign } from "./resolveDesign.js";
import type { TrialData } from "./generateTrial.js";
import { twoGroupCox } from "./twoGroupCox.js";

/** What one treatment-vs-control comparison of one simulated trial gives. */
export interface ComparisonOutcome {
  /** The test rejected the null hypothesis of no difference at the comparison's two-sided level. */
  readonly reject: boolean;
  /** Standardised statistic: negative when the treatment arm does better. */
  readonly z: number;
  /** Estimated hazard ratio, treatment vs control. */
  readonly hazardRatio: number;
  /** Kaplan–Meier medians (months), NaN when not reached. */
  readonly medianControl: number;
  readonly medianTreatment: number;
  /** Observed events in the two arms. */
  readonly events: number;
}

const groupLabels = ["control", "treatment"] as const;
const allLabel = ["all"] as const;

/**
 * Work space for one comparison: the patients of the control arm and of one treatment arm, coded for the
 * event table of src/analysis (group 0 = control, 1 = treatment).
 */
export class ComparisonWorkspace {
  readonly time: Float64Array;
  readonly status: Uint8Array;
  readonly group: Int32Array;
  readonly stratum: Int32Array;
  readonly noStrata: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.time = new Float64Array(capacity);
    this.status = new Uint8Array(capacity);
    this.group = new Int32Array(capacity);
    this.stratum = new Int32Array(capacity);
    this.noStrata = new Int32Array(capacity);
  }
  /** Copies the patients of arm 0 and arm `treatmentArm` of `trial`. O(n). */
  fill(trial: TrialData, treatmentArm: number): this {
    let length = 0;
    for (let i = 0; i < trial.n; i++) {
      const arm = trial.arm[i];
      if (arm !== 0 && arm !== treatmentArm) continue;
      this.time[length] = trial.time[i];
      this.status[length] = trial.event[i];
      this.group[length] = arm === 0 ? 0 : 1;
      this.stratum[length] = trial.stratum[i];
      length++;
    }
    this.length = length;
    return this;
  }
}

/**
 * Runs the design's test on one comparison with src/analysis's functions (the data are generated, so the
 * cheap numeric cores are used where there is one):
 *
 *   event table by group (within strata for the stratified test)
 *     ├─ logrank / stratified-logrank: z = (O − E)/√V on the treatment arm, reject when |z| > z_{1−α/2}
 *     ├─ cox-wald: Wald z of the treatment coefficient ({@link twoGroupCox}; within strata when the design has them)
 *     └─ rmst: z = (RMST_treatment − RMST_control)/SE at tau, sign flipped so that negative favours treatment
 *   hazard ratio: the Cox estimate (stratified when the test is); Peto's exp((O − E)/V) if Cox fails
 *   Kaplan–Meier medians of each arm from the unstratified table
 *
 * Runs in O(n log n).
 */
export function compareArms(resolved: ResolvedDesign, workspace: ComparisonWorkspace): ComparisonOutcome {
  const length = workspace.length;
  const time = workspace.time.subarray(0, length);
  const status = workspace.status.subarray(0, length);
  const group = workspace.group.subarray(0, length);
  const test = resolved.design.test;
  const stratified = test.kind === "stratified-logrank" || (test.kind === "cox-wald" && resolved.stratumLabels.length > 1);
  const table = eventTableCore(time, status, group, groupLabels, workspace.noStrata.subarray(0, length), allLabel);
  const control = kaplanMeierFromTable(table, 0, 0);
  const treatment = kaplanMeierFromTable(table, 1, 0);
  const strataTable = stratified ? eventTableCore(time, status, group, groupLabels, workspace.stratum.subarray(0, length), resolved.stratumLabels) : table;
  const cox = twoGroupCox(strataTable);
  let z: number;
  let peto = NaN;
  if (test.kind === "cox-wald") {
    z = cox === null ? 0 : cox.z;
  } else if (test.kind === "rmst") {
    const rmstTreatment = rmstFromKaplanMeier(treatment, test.tau);
    const rmstControl = rmstFromKaplanMeier(control, test.tau);
    const standardError = Math.hypot(rmstTreatment.stdErr, rmstControl.stdErr);
    z = standardError > 0 ? -(rmstTreatment.estimate - rmstControl.estimate) / standardError : 0;
  } else {
    const logRank = logRankFromTable(strataTable);
    const observedMinusExpected = logRank.observed[1] - logRank.expected[1];
    const variance = logRank.variance[1][1];
    z = variance > 0 ? observedMinusExpected / Math.sqrt(variance) : 0;
    peto = variance > 0 ? Math.exp(observedMinusExpected / variance) : NaN;
  }
  let events = 0;
  for (let i = 0; i < length; i++) events += status[i];
  return {
    reject: z * z > resolved.criticalZ * resolved.criticalZ,
    z,
    hazardRatio: cox !== null ? Math.exp(cox.logHazardRatio) : peto,
    medianControl: control.median.estimate ?? NaN,
    medianTreatment: treatment.median.estimate ?? NaN,
    events,
  };
}
