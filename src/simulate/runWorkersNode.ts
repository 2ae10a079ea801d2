import { Worker } from "node:worker_threads";
import { cohortBlockSize } from "../cohort/generateCohort.js";
import type { Scenario } from "../cohort/Scenario.js";
import type { RuleThresholds } from "../rules/index.js";
import type { Strategy } from "../rules/index.js";
import { InputError } from "../util/InputError.js";
import { type SimulateOptions, type SimulationResult, mergeRanges, simulationPlan } from "./simulate.js";
import type { SimulationContext } from "./SimulationContext.js";
import type { RangeResult, SimulationPlan } from "./simulateRange.js";
import { simulateRange } from "./simulateRange.js";

/** Patients per work item handed to a worker: 16 blocks. */
const chunkSize = cohortBlockSize * 16;

function startWorker(): Worker {
  // From dist/ the worker is plain JS. From src/ (tsx, vitest) it is TypeScript: the thread first registers
  // tsx's loader, then imports the worker module.
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./simulationWorkerNode.js", import.meta.url));
  const url = new URL("./simulationWorkerNode.ts", import.meta.url).href;
  return new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`, { eval: true });
}

/**
 * Runs a plan on `workers` worker threads: the patients are cut into chunks of whole blocks, handed out to
 * the workers as they become free, and merged in patient order. Each block draws from its own sub-stream,
 * so the result is byte-identical for any number of workers (1 runs in this thread). Node only.
 */
export async function runPlanOnWorkersNode(plan: SimulationPlan<Strategy, RuleThresholds>, assign: SimulationContext<Strategy, RuleThresholds>["assignPathway"], workers: number, onProgress?: (done: number, total: number) => void): Promise<SimulationResult> {
  const chunks: { first: number; count: number }[] = [];
  for (let first = 0; first < plan.size; first += chunkSize) chunks.push({ first, count: Math.min(chunkSize, plan.size - first) });
  const ranges: RangeResult[] = [];
  let done = 0;
  const threads = Math.max(1, Math.min(workers, chunks.length));
  if (threads === 1) {
    for (const chunk of chunks) {
      ranges.push(simulateRange(plan, assign, chunk.first, chunk.count));
      done += chunk.count;
      onProgress?.(done, plan.size);
    }
    return mergeRanges(plan, ranges);
  }
  let next = 0;
  const pool = Array.from({ length: threads }, startWorker);
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= chunks.length) {
                resolve();
                return;
              }
              const chunk = chunks[next++];
              worker.postMessage({ kind: "range", first: chunk.first, count: chunk.count });
            };
            worker.on("message", (message: { kind: "range"; range: RangeResult } | { kind: "error"; message: string; name: string }) => {
              if (message.kind === "error") {
                reject(message.name === "InputError" ? new InputError(message.message.split("\n")[0]) : new Error(`simulation worker failed: ${message.message}`));
                return;
              }
              ranges.push(message.range);
              done += message.range.cohort.size;
              onProgress?.(done, plan.size);
              send();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (next < chunks.length || code !== 0) reject(new Error(`simulation worker exited with code ${code}`));
            });
            worker.postMessage({ kind: "plan", plan });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  ranges.sort((a, b) => a.first - b.first);
  return mergeRanges(plan, ranges);
}

/**
 * `simulate` on worker threads: calibrates once in this thread, then simulates the blocks on `workers` threads.
 * The result equals `simulate(scenario, strategies, options, context)` exactly, for any `workers`.
 */
export async function simulateOnWorkersNode(
  scenario: Scenario,
  strategies: readonly Strategy[],
  options: SimulateOptions & { readonly workers?: number },
  context: SimulationContext<Strategy, RuleThresholds>,
): Promise<SimulationResult> {
  const plan = simulationPlan(scenario, strategies, options, context);
  return runPlanOnWorkersNode(plan, context.assignPathway, options.workers ?? 1, options.onProgress);
}
