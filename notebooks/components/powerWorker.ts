import { findSampleSize, planSequential, powerCurve, runTrialsInThread, simulatePower, simulateSequential, type TrialDesign, type TrialRunner } from "../engine/trials/index.js";

/**
 * The Power page's simulations, run in a Web Worker so that the page never blocks (issue 13): this module is
 * both the worker's body (when loaded in a worker it answers one job per message) and, imported by the page,
 * the URL to start it from (`powerWorkerUrl`, the module's own URL as Framework serves it). The engine is
 * browser-safe; results are plain objects, so they cross to the page by structured clone.
 */
export const powerWorkerUrl = import.meta.url;

/** A job for the worker; `design` is a full {@link TrialDesign} (validated on the page first). */
export type PowerJob =
  | { readonly kind: "power"; readonly design: TrialDesign }
  | { readonly kind: "curve"; readonly design: TrialDesign; readonly ns: readonly number[]; readonly hazardRatios: readonly number[]; readonly sims: number }
  | { readonly kind: "sampleSize"; readonly design: TrialDesign; readonly targetPower: number }
  | { readonly kind: "plan"; readonly design: TrialDesign }
  | { readonly kind: "sequential"; readonly design: TrialDesign };

/** What the worker posts back: progress (`done` of `total` simulation runs; total null when unknown), then the result or the error. */
export type PowerMessage =
  | { readonly type: "progress"; readonly done: number; readonly total: number | null }
  | { readonly type: "result"; readonly result: unknown }
  | { readonly type: "error"; readonly name: string; readonly message: string; readonly problems: readonly string[] };

/** Runs one job in the calling thread, reporting each finished batch of simulated trials to `progress`. */
export async function runPowerJob(job: PowerJob, progress: (done: number, total: number | null) => void): Promise<unknown> {
  let done = 0;
  const counting = (total: number | null): TrialRunner => async (design, n, looks) => {
    const outcomes = await runTrialsInThread(design, n, looks);
    progress(++done, total);
    return outcomes;
  };
  switch (job.kind) {
    case "power":
      return simulatePower(job.design);
    case "curve":
      return powerCurve(job.design, { ns: job.ns, hazardRatios: job.hazardRatios, sims: job.sims }, counting(job.ns.length * (job.hazardRatios.length + 1)));
    case "sampleSize":
      return findSampleSize(job.design, job.targetPower, counting(null));
    case "plan":
      return planSequential(job.design, { n: job.design.n });
    case "sequential": {
      const plan = planSequential(job.design, { n: job.design.n });
      return { plan, simulation: await simulateSequential(job.design, plan, counting(1)) };
    }
  }
}

const scope = globalThis as unknown as { WorkerGlobalScope?: new () => unknown; postMessage(message: PowerMessage): void; onmessage: ((event: MessageEvent<PowerJob>) => void) | null };
if (typeof scope.WorkerGlobalScope === "function" && scope instanceof scope.WorkerGlobalScope) {
  scope.onmessage = async (event) => {
    try {
      const result = await runPowerJob(event.data, (done, total) => scope.postMessage({ type: "progress", done, total }));
      scope.postMessage({ type: "result", result });
    } catch (error) {
      const problems = (error as { problems?: readonly string[] }).problems ?? [];
      scope.postMessage({ type: "error", name: error instanceof Error ? error.name : "Error", message: error instanceof Error ? error.message : String(error), problems: [...problems] });
    }
  };
}
