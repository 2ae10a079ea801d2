import { Worker } from "node:worker_threads";

/**
 * One fuzz case for the worker: `pnen-sim ...args` in `cwd`; kind "strategies": loadStrategies(args[0]); kind "hang":
 * an endless synchronous loop (to test that the runner's time limit works).
 */
export interface CaseRequest {
  readonly id: number;
  readonly kind: "cli" | "strategies" | "hang";
  readonly args: readonly string[];
  readonly cwd: string;
  readonly stdin?: string;
}

/** What the case did: the exit code (null when it threw: `thrown` holds the stack), stdout and stderr. */
export interface CaseReply {
  readonly id: number;
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly thrown?: string;
  readonly timedOut?: boolean;
}

/**
 * Runs CLI cases in process, in one worker thread reused from case to case (a worker, not the test's own thread, so
 * that a case that hangs, even in a synchronous loop, can be stopped: the worker is terminated and a new one started).
 */
export class CliRunner {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private pending: ((reply: CaseReply) => void) | null = null;
  private nextId = 1;

  private start(): Promise<void> {
    if (this.ready !== null) return this.ready;
    const worker = new Worker(new URL("./fuzzWorker.mjs", import.meta.url), { stdout: true, stderr: true });
    this.worker = worker;
    // anything the code prints to the real process streams is a defect the case checks (it would reach the user)
    worker.stdout.on("data", (chunk: Buffer) => (this.leaked += chunk.toString()));
    worker.stderr.on("data", (chunk: Buffer) => (this.leaked += chunk.toString()));
    this.ready = new Promise((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
    });
    worker.on("message", (message: CaseReply | { ready: true }) => {
      if ("id" in message && this.pending !== null) {
        const done = this.pending;
        this.pending = null;
        done(message);
      }
    });
    worker.on("exit", (exitCode) => {
      // process.exit() inside the case ends the thread: the CLI would have ended the user's process
      if (this.worker !== worker) return;
      const done = this.pending;
      this.pending = null;
      this.worker = null;
      this.ready = null;
      done?.({ id: 0, code: null, out: "", err: "", thrown: `the process exited (code ${exitCode}) inside the command` });
    });
    worker.on("error", (error) => {
      // an uncaught exception or unhandled rejection in the worker: the current case crashed the process
      const done = this.pending;
      this.pending = null;
      this.reset();
      done?.({ id: 0, code: null, out: "", err: "", thrown: `uncaught in the process: ${error.stack ?? String(error)}` });
    });
    return this.ready;
  }

  /** Text the case wrote to the process's own stdout/stderr (bypassing the injected io). */
  leaked = "";

  private reset(): void {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    void worker?.terminate();
  }

  /** Runs one case; a case still running after `timeoutMs` is reported with `timedOut` and its worker replaced. */
  async run(kind: CaseRequest["kind"], args: readonly string[], cwd: string, timeoutMs: number, stdin?: string): Promise<CaseReply> {
    await this.start();
    this.leaked = "";
    const id = this.nextId++;
    return new Promise<CaseReply>((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null;
        this.reset();
        resolve({ id, code: null, out: "", err: "", timedOut: true });
      }, timeoutMs);
      this.pending = (reply) => {
        clearTimeout(timer);
        resolve(reply);
      };
      this.worker!.postMessage({ id, kind, args, cwd, stdin } satisfies CaseRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }
}
