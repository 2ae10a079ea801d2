import { parentPort } from "node:worker_threads";
import { main } from "../../src/cli/main.js";
import { loadStrategies } from "../../src/io/loadStrategies.js";
import { isInputError } from "../../src/util/InputError.js";
import type { CaseRequest, CaseReply } from "./cliRunner.js";

/** Most characters of stdout/stderr sent back per case (enough to check them, small enough to pass quickly). */
const keep = 200_000;

async function runCase(request: CaseRequest): Promise<CaseReply> {
  const out: string[] = [];
  const err: string[] = [];
  let outLength = 0;
  let errLength = 0;
  const io = {
    stdout: (t: string) => {
      if (outLength >= keep) return;
      out.push(t);
      outLength += t.length;
    },
    stderr: (t: string) => {
      if (errLength >= keep) return;
      err.push(t);
      errLength += t.length;
    },
    stderrIsTTY: false,
    cwd: request.cwd,
    readStdin: async () => new TextEncoder().encode(request.stdin ?? ""),
  };
  try {
    let code: number;
    if (request.kind === "hang") for (;;);
    if (request.kind === "strategies") {
      // strategy files have no CLI flag of their own: the loader every command uses, with main's error handling
      try {
        const strategies = loadStrategies(request.args[0]);
        io.stdout(`${strategies.map((s) => s.id).join("\n")}\n`);
        code = 0;
      } catch (error) {
        if (!isInputError(error)) throw error;
        io.stderr(`${error.message}\n`);
        code = 2;
      }
    } else code = await main(request.args, io);
    return { id: request.id, code, out: out.join(""), err: err.join("") };
  } catch (error) {
    return { id: request.id, code: null, out: out.join(""), err: err.join(""), thrown: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort!.on("message", (request: CaseRequest) => {
  void runCase(request).then((reply) => parentPort!.postMessage(reply));
});
parentPort!.postMessage({ ready: true });
