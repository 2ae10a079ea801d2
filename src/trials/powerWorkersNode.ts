import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { findSampleSize, type SampleSizeResult } from "./findSampleSize.js";
import type { PowerResult } from "./PowerResult.js";
import { resolveDesign } from "./resolveDesign.js";
import type { SequentialLooks } from "./simulationLooks.js";
import { concatOutcomes, type TrialOutcomes } from "./simulateTrials.js";
import { summarizePower } from "./summarizePower.js";
import type { TrialDesign } from "./TrialDesign.js";
import { runTrialsInThread, type TrialRunner } from "./TrialRunner.js";
import type { TrialJob } from "./powerWorkerEntryNode.js";

/** A pool of worker threads that simulates trials; `close()` when done. Node only. */
export interface ParallelTrialRunner {
  readonly run: TrialRunner;
  readonly workers: number;
  close(): Promise<void>;
}

/**
 * Spreads each evaluation's `sims` trials over `workers` threads in chunks handed out as threads free up:
 *
 *   trials 0 … sims−1 ─ chunks ─► worker k: simulateTrials(design, n, first, last, looks) ─► outcomes ─ concat in trial order
 *
 * Trial i always draws from `subStream(seed, "trial", i)`, so the answer does not depend on the number of
 * workers or on which worker ran which chunk. With `workers` ≤ 1 the trials run in the calling thread.
 *
 * From compiled JavaScript (dist/) the worker loads powerWorkerEntryNode.js directly. From TypeScript
 * sources (tsx, vitest) each worker first registers tsx's ESM loader (`tsx/esm/api`), then imports the
 * .ts entry; see {@link workerSupport}.
 */
export function parallelTrialRunner(options: { readonly workers?: number } = {}): ParallelTrialRunner {
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkers()));
  if (workers === 1) return { run: runTrialsInThread, workers: 1, close: async () => {} };
  const pool: Worker[] = [];
  const idle: Worker[] = [];
  let nextId = 0;
  const pending = new Map<number, { resolve: (outcomes: TrialOutcomes) => void; reject: (error: Error) => void }>();
  const waiting: (() => void)[] = [];
  let failure: Error | null = null;
  const start = () => {
    const worker = spawnWorker();
    worker.on("message", (message: { id: number; outcomes?: TrialOutcomes; error?: string }) => {
      const job = pending.get(message.id);
      pending.delete(message.id);
      idle.push(worker);
      waiting.shift()?.();
      if (job === undefined) return;
      if (message.error !== undefined || message.outcomes === undefined) job.reject(new Error(`power worker failed: ${message.error}`));
      else job.resolve(message.outcomes);
    });
    worker.on("error", (error) => {
      failure = error;
      for (const job of pending.values()) job.reject(error);
      pending.clear();
      // Wake every chunk waiting for a free worker: each sees the failure and rejects.
      for (const wake of waiting.splice(0)) wake();
    });
    pool.push(worker);
    idle.push(worker);
  };
  for (let k = 0; k < workers; k++) start();

  const runChunk = async (design: TrialDesign, n: number, first: number, last: number, looks: SequentialLooks | null): Promise<TrialOutcomes> => {
    while (idle.length === 0 && failure === null) await new Promise<void>((resolve) => waiting.push(resolve));
    if (failure !== null) throw failure;
    const worker = idle.pop() as Worker;
    const id = nextId++;
    return new Promise<TrialOutcomes>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      const job: TrialJob = { id, design, n, first, last, looks };
      worker.postMessage(job);
    });
  };

  const run: TrialRunner = async (design, n, looks = null) => {
    if (failure !== null) throw failure;
    const chunks = Math.min(design.sims, workers * 4);
    const size = Math.ceil(design.sims / chunks);
    const jobs: Promise<TrialOutcomes>[] = [];
    for (let first = 0; first < design.sims; first += size) jobs.push(runChunk(design, n, first, Math.min(design.sims, first + size), looks));
    return concatOutcomes(await Promise.all(jobs));
  };
  return {
    run,
    workers,
    close: async () => {
      await Promise.all(pool.map((worker) => worker.terminate()));
    },
  };
}

/** Power of a design by simulation on worker threads: the same answer as `simulatePower`, faster. */
export async function simulatePowerParallel(design: TrialDesign, options: { readonly workers?: number; readonly n?: number; readonly targetPower?: number } = {}): Promise<PowerResult> {
  const runner = parallelTrialRunner({ workers: options.workers });
  try {
    const n = options.n ?? design.n;
    return summarizePower(resolveDesign(design), n, await runner.run(design, n), options.targetPower);
  } finally {
    await runner.close();
  }
}

/** {@link findSampleSize} on worker threads. */
export async function findSampleSizeParallel(design: TrialDesign, targetPower: number, options: { readonly workers?: number } = {}): Promise<SampleSizeResult> {
  const runner = parallelTrialRunner({ workers: options.workers });
  try {
    return await findSampleSize(design, targetPower, runner.run);
  } finally {
    await runner.close();
  }
}

/** Default number of workers: the machine's available parallelism, at most 8. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * Whether worker threads can load the simulation code here: always from compiled JavaScript; from
 * TypeScript sources only when tsx is installed (it is a dev dependency). `reason` says why not.
 */
export function workerSupport(): { readonly available: boolean; readonly fromSource: boolean; readonly reason: string } {
  const fromSource = import.meta.url.endsWith(".ts");
  if (!fromSource) return { available: true, fromSource, reason: "compiled JavaScript" };
  const loader = tsxLoaderUrl();
  return loader === null ? { available: false, fromSource, reason: "running from TypeScript sources and tsx (tsx/esm/api) cannot be resolved" } : { available: true, fromSource, reason: `TypeScript sources via ${loader}` };
}

function spawnWorker(): Worker {
  const fromSource = import.meta.url.endsWith(".ts");
  const entry = new URL(fromSource ? "./powerWorkerEntryNode.ts" : "./powerWorkerEntryNode.js", import.meta.url);
  if (!fromSource) return new Worker(entry);
  const loader = tsxLoaderUrl();
  if (loader === null) throw new Error(`parallelTrialRunner: ${workerSupport().reason}; run the compiled CLI (dist/) or use workers: 1`);
  const bootstrap = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/** file: URL of tsx's ESM registration API (`tsx/esm/api`, import condition), or null when tsx is missing. */
function tsxLoaderUrl(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const packageJson = require.resolve("tsx/package.json");
    const manifest = JSON.parse(readFileSync(packageJson, "utf8")) as { exports?: Record<string, { import?: { default?: string } }> };
    const relative = manifest.exports?.["./esm/api"]?.import?.default;
    return relative === undefined ? null : pathToFileURL(join(dirname(packageJson), relative)).href;
  } catch {
    return null;
  }
}
