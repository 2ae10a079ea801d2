import { cohortWorkerUrl, type CohortAnswer, type CohortInputs } from "./cohortWorker.js";

/**
 * The page's side of the Cohort worker: one worker for the page's life (it keeps the calibrated model), at most
 * one request in flight, and only the newest inputs waiting. `run` resolves with the answer for its inputs, or
 * never when newer inputs replaced them before they were sent (the page cell that asked has re-run by then).
 */
export class CohortClient {
  private readonly worker: Worker;
  private nextId = 1;
  private inFlight: { id: number; resolve: (answer: CohortAnswer) => void; reject: (error: Error) => void } | null = null;
  private waiting: { inputs: CohortInputs; resolve: (answer: CohortAnswer) => void; reject: (error: Error) => void } | null = null;

  constructor(bundleUrl: string) {
    this.worker = new Worker(cohortWorkerUrl, { type: "module" });
    this.worker.onmessage = (event: MessageEvent<{ type: "answer"; answer: CohortAnswer } | { type: "error"; id: number; message: string }>) => {
      const done = this.inFlight;
      this.inFlight = null;
      if (done !== null) {
        if (event.data.type === "answer") done.resolve(event.data.answer);
        else done.reject(new Error(event.data.message));
      }
      this.sendWaiting();
    };
    this.worker.postMessage({ type: "init", bundleUrl });
  }

  run(inputs: CohortInputs): Promise<CohortAnswer> {
    return new Promise((resolve, reject) => {
      this.waiting = { inputs, resolve, reject };
      if (this.inFlight === null) this.sendWaiting();
    });
  }

  private sendWaiting(): void {
    const next = this.waiting;
    if (next === null) return;
    this.waiting = null;
    const id = this.nextId++;
    this.inFlight = { id, resolve: next.resolve, reject: next.reject };
    this.worker.postMessage({ type: "run", id, inputs: next.inputs });
  }
}
