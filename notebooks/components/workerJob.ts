import { powerWorkerUrl, type PowerJob, type PowerMessage } from "./powerWorker.js";

/** The state of a worker job as a page draws it. */
export type JobState<T> =
  | { readonly status: "waiting" }
  | { readonly status: "running"; readonly done: number; readonly total: number | null }
  | { readonly status: "done"; readonly result: T; readonly ms: number }
  | { readonly status: "error"; readonly name: string; readonly message: string; readonly problems: readonly string[] };

/**
 * A power-page job run in its own Web Worker, as an Observable generator of {@link JobState}s: "waiting" during
 * the debounce, "running" with progress, then "done" or "error". When the page's inputs change, Framework
 * returns the generator: the pending timer is cleared and the worker terminated, so a newer input cancels an
 * older run and nothing runs on the main thread. `debounceMs` lets a slider drag settle before starting.
 */
export function workerJob<T>(job: PowerJob, debounceMs = 250): Iterator<Promise<JobState<T>>> & Iterable<Promise<JobState<T>>> {
  let latest: JobState<T> = { status: "waiting" };
  let fresh = true;
  let wake: (() => void) | null = null;
  let worker: Worker | null = null;
  const post = (state: JobState<T>): void => {
    latest = state;
    fresh = true;
    wake?.();
    wake = null;
  };
  const started = performance.now();
  const timer = setTimeout(() => {
    worker = new Worker(powerWorkerUrl, { type: "module" });
    worker.onmessage = (event: MessageEvent<PowerMessage>) => {
      const message = event.data;
      if (message.type === "progress") post({ status: "running", done: message.done, total: message.total });
      else {
        worker?.terminate();
        worker = null;
        post(message.type === "result" ? { status: "done", result: message.result as T, ms: performance.now() - started } : { status: "error", name: message.name, message: message.message, problems: message.problems });
      }
    };
    worker.onerror = (event) => post({ status: "error", name: "Error", message: event.message || "the worker failed to start", problems: [] });
    worker.postMessage(job);
    post({ status: "running", done: 0, total: null });
  }, debounceMs);
  const iterator = {
    [Symbol.iterator]: () => iterator,
    next: (): IteratorResult<Promise<JobState<T>>> => {
      if (fresh) {
        fresh = false;
        return { done: false, value: Promise.resolve(latest) };
      }
      return { done: false, value: new Promise<JobState<T>>((resolve) => (wake = () => resolve(latest))).then((state) => ((fresh = false), state)) };
    },
    return: (): IteratorResult<Promise<JobState<T>>> => {
      clearTimeout(timer);
      worker?.terminate();
      worker = null;
      return { done: true, value: undefined };
    },
  };
  return iterator;
}
