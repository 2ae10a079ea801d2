import { parentPort } from "node:worker_threads";
import { assignPathway } from "../rules/index.js";
import type { RuleThresholds } from "../rules/index.js";
import type { Strategy } from "../rules/index.js";
import { cohortColumnNames } from "../cohort/CohortColumns.js";
import { type RangeResult, type SimulationPlan, simulateRange } from "./simulateRange.js";

/** A message to the simulation worker: the plan once, then ranges of patients to simulate. */
export type WorkerRequest =
  | { readonly kind: "plan"; readonly plan: SimulationPlan<Strategy, RuleThresholds> }
  | { readonly kind: "range"; readonly first: number; readonly count: number };

/** The buffers of a range result, to transfer (not copy) back to the main thread. */
export function rangeTransferList(range: RangeResult): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = cohortColumnNames.map((name) => range.cohort[name].buffer as ArrayBuffer);
  for (const columns of range.outcomes) buffers.push(columns.pathway.buffer as ArrayBuffer, columns.pfsMonths.buffer as ArrayBuffer, columns.pfsEvent.buffer as ArrayBuffer, columns.osMonths.buffer as ArrayBuffer, columns.osEvent.buffer as ArrayBuffer, columns.linesStarted.buffer as ArrayBuffer, columns.line1Months.buffer as ArrayBuffer, columns.line2Months.buffer as ArrayBuffer);
  return buffers;
}

// The worker thread of runWorkersNode: simulates the ranges it is sent with the rules' assignPathway.
let plan: SimulationPlan<Strategy, RuleThresholds> | undefined;
parentPort?.on("message", (message: WorkerRequest) => {
  try {
    if (message.kind === "plan") {
      plan = message.plan;
      return;
    }
    if (plan === undefined) throw new Error("simulation worker: range before plan");
    const { scratch: _scratch, ...range } = simulateRange(plan, assignPathway, message.first, message.count);
    parentPort!.postMessage({ kind: "range", range }, rangeTransferList(range));
  } catch (error) {
    parentPort!.postMessage({ kind: "error", message: error instanceof Error ? `${error.message}\n${error.stack}` : String(error), name: error instanceof Error ? error.name : "Error" });
  }
});
