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
import { type SummaryTables, summaryTables } from "./summaryTables.js";
import { SummaryTablesCollector } from "./summaryTablesCollector.js";

/** Patients per work item handed to a worker: 16 blocks. */
const chunkSize = cohortBlockSize * 16;

function startWorker(): Worker {
  // From dist/ the worker is plain JS. From src/ (tsx, vitest) it is TypeScript: the thread first registers
  // tsx's loader, then imports the worker module.
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./simulationWorkerNode.js", import.meta.url));
  const url = new URL("./simulationWorkerNode.ts", import.meta.url).href;
  return new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`, { eval: true });
}

/** What {@link runChunksNode} keeps of each chunk: its columns (for the patients file), its summary tables, or both. */
export interface ChunkOutputs {
  readonly columns: boolean;
  readonly tables: boolean;
  /** Receives each chunk's tables as it is done (instead of the returned list), e.g. a {@link SummaryTablesCollector}. */
  readonly collect?: (tables: SummaryTables) => void;
}

/** The summary tables of a simulated range (its own pathway codes; `count` patients from `range.first`). */
export function rangeSummaryTables(plan: SimulationPlan<Strategy, RuleThresholds>, range: RangeResult, count: number): SummaryTables {
  return summaryTables({ first: range.first, count, grade: range.cohort.grade, outcomes: range.outcomes, pathwayLabels: range.pathwayLabels }, plan.strategies.map((s) => s.id), plan.scenario.referenceStrategy, plan.model);
}

/**
 * Runs a plan on `workers` worker threads: the patients are cut into chunks of 16 blocks, handed out to the workers
 * as they become free; each worker simulates its chunk and, when asked, builds the chunk's summary tables there (so
 * the analysis runs in parallel too, issue 18). Without `columns` a chunk's patients are dropped once its tables are
 * built — a summary-only run streams, its memory the tables' (about 84 bytes per patient for 4 strategies), not the
 * columns'. With one worker everything runs in this thread, reusing one chunk's buffers. Node only.
 */
export async function runChunksNode(plan: SimulationPlan<Strategy, RuleThresholds>, assign: SimulationContext<Strategy, RuleThresholds>["assignPathway"], workers: number, outputs: ChunkOutputs, onProgress?: (done: number, total: number) => void): Promise<{ ranges: RangeResult[]; tables: SummaryTables[] }> {
  const chunks: { first: number; count: number }[] = [];
  for (let first = 0; first < plan.size; first += chunkSize) chunks.push({ first, count: Math.min(chunkSize, plan.size - first) });
  const ranges: RangeResult[] = [];
  const tables: SummaryTables[] = [];
  const keep = outputs.collect ?? ((t: SummaryTables) => void tables.push(t));
  let done = 0;
  const threads = Math.max(1, Math.min(workers, chunks.length));
  if (threads === 1) {
    let reuse: RangeResult | undefined;
    for (const chunk of chunks) {
      const range = simulateRange(plan, assign, chunk.first, chunk.count, undefined, outputs.columns ? undefined : reuse);
      if (outputs.tables) keep(rangeSummaryTables(plan, range, chunk.count));
      if (outputs.columns) ranges.push(range);
      else reuse = range;
      done += chunk.count;
      onProgress?.(done, plan.size);
    }
    return { ranges, tables };
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
              worker.postMessage({ kind: "range", first: chunk.first, count: chunk.count, columns: outputs.columns, tables: outputs.tables });
            };
            worker.on("message", (message: { kind: "range"; count: number; range?: RangeResult; tables?: SummaryTables } | { kind: "error"; message: string; name: string }) => {
              if (message.kind === "error") {
                reject(message.name === "InputError" ? new InputError(message.message.split("\n")[0]) : new Error(`simulation worker failed: ${message.message}`));
                return;
              }
              if (message.range !== undefined) ranges.push(message.range);
              if (message.tables !== undefined) keep(message.tables);
              done += message.count;
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
  return { ranges, tables };
}

/**
 * Runs a plan on `workers` worker threads and merges the chunks in patient order. Each block draws from its own
 * sub-stream, so the result is byte-identical for any number of workers (1 runs in this thread). Node only.
 */
export async function runPlanOnWorkersNode(plan: SimulationPlan<Strategy, RuleThresholds>, assign: SimulationContext<Strategy, RuleThresholds>["assignPathway"], workers: number, onProgress?: (done: number, total: number) => void): Promise<SimulationResult> {
  const { ranges } = await runChunksNode(plan, assign, workers, { columns: true, tables: false }, onProgress);
  return mergeRanges(plan, ranges);
}

/**
 * Runs a plan on `workers` threads and returns its summary tables, merged ({@link mergeSummaryTables}: exact, so
 * `summariseTables` of them equals `summarise` of the whole result), and with `keepColumns` the whole result too
 * (for the patients file). Without it the run streams: chunks are summarised and dropped. Node only.
 */
export async function runPlanSummaryNode(plan: SimulationPlan<Strategy, RuleThresholds>, assign: SimulationContext<Strategy, RuleThresholds>["assignPathway"], workers: number, options: { readonly keepColumns: boolean; readonly onProgress?: (done: number, total: number) => void }): Promise<{ result: SimulationResult | null; tables: SummaryTables }> {
  // each chunk's event times go into one slab per table as they arrive (the chunk's arrays freed at once), merged at the end
  const collector = new SummaryTablesCollector(plan.size);
  const { ranges } = await runChunksNode(plan, assign, workers, { columns: options.keepColumns, tables: true, collect: (t) => collector.add(t) }, options.onProgress);
  return { result: options.keepColumns ? mergeRanges(plan, ranges) : null, tables: collector.finish() };
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
