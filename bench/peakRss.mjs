// Child process of bench/wholeProcess.bench.ts: runs `pnen-sim ARGS` (compiled dist/) in this process and, when it
// ends, prints its peak resident memory (VmHWM of /proc/self/status: worker threads included) as JSON on stderr.
import { readFileSync } from "node:fs";
import { main } from "../dist/cli/main.js";

const code = await main(process.argv.slice(2));
let maxRssMiB = process.resourceUsage().maxRSS / 1024;
try {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  if (match !== null) maxRssMiB = Number(match[1]) / 1024;
} catch {
  // not Linux: getrusage's figure
}
process.stderr.write(`\n${JSON.stringify({ maxRssMiB })}\n`);
process.exitCode = code;
