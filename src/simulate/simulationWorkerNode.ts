import { parentPort } from "node:worker_threads";
import { assignPathway } from "../rules/index.js";
import type { RuleThresholds } from "../rules/index.js";
import type { Strategy } from "../rules/index.js";
import { cohortColumnNames } from "../cohort/CohortColumns.js";
import { type RangeResult, type SimulationPlan, simulateRange } from "./simulateRange.js";
import { rangeSummaryTables } from "./runWorkersNode.js";
import type { SummaryTables } from "./summaryTables.js";

/** A message to the simulation worker: the plan once, then ranges of patients to simulate. */
export type WorkerRequest =
  | { readonly kind: "plan"; readonly plan: SimulationPlan<Strategy, RuleThresholds> }
  | { readonly kind: "range"; readonly first: number; readonly count: number; readonly columns?: boolean; readonly tables?: boolean };

/** The buffers of a range result, to transfer (not copy) back to the main thread. */
export function rangeTransferList(range: RangeResult): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = cohortColumnNames.map((name) => range.cohort[name].buffer as ArrayBuffer);
  for (const columns of range.outcomes) buffers.push(columns.pathway.buffer as ArrayBuffer, columns.pfsMonths.buffer as ArrayBuffer, columns.pfsEvent.buffer as ArrayBuffer, columns.osMonths.buffer as ArrayBuffer, columns.osEvent.buffer as ArrayBuffer, columns.linesStarted.buffer as ArrayBuffer, columns.line1Months.buffer as ArrayBuffer, columns.line2Months.buffer as ArrayBuffer);
  return buffers;
}

/** The buffers of a chunk's summary tables, to transfer back to the main thread. */
export function summaryTablesTransferList(tables: SummaryTables): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const t of tables.perStrategy) buffers.push(t.pfs.events.buffer as ArrayBuffer, t.pfs.censored.buffer as ArrayBuffer, t.os.events.buffer as ArrayBuffer, t.os.censored.buffer as ArrayBuffer, t.spearmanBlocks.buffer as ArrayBuffer);
  for (const c of tables.comparisons) {
    if (c === null) continue;
    for (const e of [c.pfs, c.os]) buffers.push(e.changedReference.events.buffer as ArrayBuffer, e.changedReference.censored.buffer as ArrayBuffer, e.changedStrategy.events.buffer as ArrayBuffer, e.changedStrategy.censored.buffer as ArrayBuffer);
  }
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
    // the chunk's summary tables are built here, in parallel with the other workers (issue 18)
    const tables = message.tables === true ? rangeSummaryTables(plan, range, message.count) : undefined;
    const columns = message.columns !== false;
    const transfer = [...(columns ? rangeTransferList(range) : []), ...(tables === undefined ? [] : summaryTablesTransferList(tables))];
    parentPort!.postMessage({ kind: "range", count: message.count, ...(columns && { range }), ...(tables !== undefined && { tables }) }, transfer);
  } catch (error) {
    parentPort!.postMessage({ kind: "error", message: error instanceof Error ? `${error.message}\n${error.stack}` : String(error), name: error instanceof Error ? error.name : "Error" });
  }
});
