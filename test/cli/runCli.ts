import type { CommandIO } from "../../src/cli/Command.js";
import { main } from "../../src/cli/main.js";

/** A CommandIO that collects what a command prints, for tests of the CLI through `main`. */
export function capture(cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), stderrIsTTY: false, cwd };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

/** Runs `pnen-sim ...args` in process with `cwd` as the working folder; returns the exit code and the output. */
export async function runCli(args: readonly string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  const c = capture(cwd);
  const code = await main(args, c.io);
  return { code, out: c.out(), err: c.err() };
}
