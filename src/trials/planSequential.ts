import { InputError } from "../util/InputError.js";
import { analyticPower } from "./analyticPower.js";
import { groupSequentialDesign, type GroupSequentialSpec } from "./groupSequentialDesign.js";
import { resolveDesign } from "./resolveDesign.js";
import { sequentialSurvivalPlan, type SequentialSurvivalPlan } from "./sequentialSurvivalPlan.js";
import type { SequentialSpec, TrialDesign } from "./TrialDesign.js";

/** The β of a plan without a target power (β-spending futility bounds need one): 0.2, i.e. 80% power. */
export const defaultSequentialBeta = 0.2;

/**
 * The group-sequential design of a trial design's `sequential` block in rpact's terms: one-sided level α/2
 * (sided 1) or two-sided α (sided 2) from the design's two-sided `alpha`, β = 1 − target power (0.2
 * without one).
 */
export function groupSequentialSpecFor(design: TrialDesign, sequential: SequentialSpec, targetPower: number | null = sequential.targetPower): GroupSequentialSpec {
  return {
    informationRates: sequential.informationRates,
    alpha: sequential.sided === 1 ? design.alpha / 2 : design.alpha,
    beta: targetPower === null ? defaultSequentialBeta : 1 - targetPower,
    sided: sequential.sided,
    efficacy: sequential.classical ? { kind: "classical", shape: sequential.spending === "pocock" ? "pocock" : "obf" } : { kind: "spending", family: sequential.spending, gamma: sequential.gamma },
    futility: sequential.futility === null ? null : sequential.futility.kind === "z" ? { kind: "z", bounds: sequential.futility.z } : { kind: "spending", family: sequential.futility.spending, gamma: sequential.futility.gamma },
  };
}

/**
 * The analytic plan of a design with a `sequential` block:
 *
 *   target power P (option, or the block's targetPower) → sample size: the maximum events and patients for P
 *                                                        (rpact's getSampleSizeSurvival)
 *   otherwise                                          → power of the design's n (or `options.n`) with, as
 *                                                        maximum events, its targetEvents or the events expected
 *                                                        at accrual + follow-up (rpact's getPowerSurvival)
 *
 * Browser-safe. Throws {@link InputError} when the design has no sequential block or cannot be planned
 * (more than two arms, an RMST test, no effect). Cost: milliseconds (tens with β-spending).
 */
export function planSequential(design: TrialDesign, options: { readonly n?: number; readonly targetPower?: number | null } = {}): SequentialSurvivalPlan {
  const sequential = design.sequential;
  if (sequential === undefined || sequential === null) throw new InputError("planSequential: the design has no sequential block (interim analyses)");
  const targetPower = options.targetPower !== undefined ? options.targetPower : sequential.targetPower;
  const resolved = resolveDesign(design);
  const bounds = groupSequentialDesign(groupSequentialSpecFor(design, sequential, targetPower));
  if (targetPower !== null) return sequentialSurvivalPlan(resolved, bounds, { kind: "sample-size" });
  const n = options.n ?? design.n;
  const maxEvents = design.targetEvents ?? analyticPower(resolved, n).expectedEvents;
  return sequentialSurvivalPlan(resolved, bounds, { kind: "power", n, maxEvents });
}
