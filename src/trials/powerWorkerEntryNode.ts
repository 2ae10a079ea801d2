import { parentPort } from "node:worker_threads";
import { resolveDesign } from "./resolveDesign.js";
import type { SequentialLooks } from "./simulationLooks.js";
import { simulateTrials } from "./simulateTrials.js";
import type { TrialDesign } from "./TrialDesign.js";

/**
 * Worker-thread entry of {@link parallelTrialRunner}: receives `{ id, design, n, first, last, looks }`, simulates
 * those trials with the same code as the main thread, and posts `{ id, outcomes }` back (typed arrays
 * transferred, not copied). Node only.
 */
export interface TrialJob {
  readonly id: number;
  readonly design: TrialDesign;
  readonly n: number;
  readonly first: number;
  readonly last: number;
  /** Group-sequential looks, or null for one analysis. */
  readonly looks: SequentialLooks | null;
}

const port = parentPort;
if (port !== null) {
  port.on("message", (job: TrialJob) => {
    try {
      const outcomes = simulateTrials(resolveDesign(job.design), job.n, job.first, job.last, job.looks);
      const arrays = [outcomes.reject, outcomes.z, outcomes.hazardRatio, outcomes.medianControl, outcomes.medianTreatment, outcomes.events, outcomes.totalEvents, outcomes.analysisTime];
      const sequential = outcomes.sequential;
      if (sequential !== undefined) arrays.push(sequential.stopLook, sequential.decision, sequential.statistic, sequential.hazardRatio, sequential.time, sequential.events);
      const buffers = arrays.map((array) => array.buffer as ArrayBuffer);
      port.postMessage({ id: job.id, outcomes }, buffers);
    } catch (error) {
      port.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
