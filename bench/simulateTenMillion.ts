// Child process of bench/simulate.bench.ts: runs 10,000,000 patients once and prints {ms, maxRssMiB} as JSON, so
// that the peak memory is this run's alone. Modes:
//   stream  simulateRange chunk by chunk, keeping only event counts (what a streaming CSV writer holds)
//   memory  the whole result in columns (cohort + outcomes of one strategy), on 2 worker threads
import { loadScenarioNode } from "../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../src/simulate/loadSimulationContextNode.js";
import { simulationPlan } from "../src/simulate/simulate.js";
import { simulateRange } from "../src/simulate/simulateRange.js";

const mode = process.argv[2] ?? "stream";
const n = Number(process.argv[3] ?? 10_000_000);
const { context, strategies } = loadSimulationContextNode();
const { scenario } = loadScenarioNode("default", process.cwd());
const single = { ...scenario, strategies: ["review"] };
const plan = simulationPlan(single, strategies, { n }, context);
const start = performance.now();
let events = 0;
if (mode === "stream") {
  const chunk = 4096 * 16;
  let range: ReturnType<typeof simulateRange> | undefined;
  for (let first = 0; first < n; first += chunk) {
    const count = Math.min(chunk, n - first);
    range = simulateRange(plan, context.assignPathway, first, count, undefined, range);
    for (let i = 0; i < count; i++) events += range.outcomes[0].osEvent[i];
  }
} else {
  const { runPlanOnWorkersNode } = (await import(new URL("../dist/simulate/runWorkersNode.js", import.meta.url).href)) as typeof import("../src/simulate/runWorkersNode.js");
  const result = await runPlanOnWorkersNode(plan, context.assignPathway, 2);
  for (const e of result.outcomes[0].osEvent) events += e;
}
const ms = performance.now() - start;
// Peak resident memory of this process. On Linux, VmHWM of /proc/self/status (reset by exec); getrusage's
// maxRSS would include the parent's resident size at fork time.
let maxRssMiB = process.resourceUsage().maxRSS / 1024;
try {
  const { readFileSync } = await import("node:fs");
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  if (match !== null) maxRssMiB = Number(match[1]) / 1024;
} catch {
  // not Linux: keep getrusage's figure
}
console.log(JSON.stringify({ ms, events, maxRssMiB }));
