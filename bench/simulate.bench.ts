import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "./BenchRow.js";
import { loadScenarioNode } from "../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../src/simulate/loadSimulationContextNode.js";
import { simulate, simulationPlan } from "../src/simulate/simulate.js";

/**
 * The Monte Carlo engine through the whole path (cohort → rules → pathway → PFS/OS walk → censoring), on the
 * default scenario: patients per second single-threaded (1 strategy and the scenario's 4), with 2 worker threads
 * (the compiled dist/ code, as the CLI runs it), and the peak memory of 10,000,000 patients.
 */
export default async function simulateBench(): Promise<BenchRow[]> {
  const loadBefore = loadavg()[0].toFixed(1);
  const { context, strategies } = loadSimulationContextNode();
  const { scenario } = loadScenarioNode("default", process.cwd());
  const single = { ...scenario, strategies: ["review"] };
  const model = simulationPlan(scenario, strategies, { n: 1 }, context).model;
  const rows: BenchRow[] = [];
  const n = 1_000_000;

  simulate(single, strategies, { n: 100_000, model }, context); // warm-up
  let start = performance.now();
  simulate(single, strategies, { n, model }, context);
  let seconds = (performance.now() - start) / 1000;
  rows.push({ name: "simulate, 1,000,000 patients x 1 strategy, 1 thread", value: Math.round(n / seconds), unit: "patients/s", note: "whole path, in memory, columns kept" });

  start = performance.now();
  simulate(scenario, strategies, { n, model }, context);
  seconds = (performance.now() - start) / 1000;
  rows.push({ name: "simulate, 1,000,000 patients x 4 strategies, 1 thread", value: Math.round(n / seconds), unit: "patients/s", note: `${Math.round((4 * n) / seconds).toLocaleString("en-US")} patient-strategies/s` });

  // a dashboard re-simulation: 20,000 patients through the scenario's 4 strategies, with and without calibration
  for (const [label, options] of [["model given", { n: 20_000, model }], ["calibrating", { n: 20_000 }]] as const) {
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      start = performance.now();
      simulate(scenario, strategies, options, context);
      times.push(performance.now() - start);
    }
    rows.push({ name: `simulate, 20,000 patients x 4 strategies (dashboard re-run, ${label})`, value: Math.min(...times), unit: "ms", note: "best of 5, 1 thread; budget 200 ms" });
  }

  const { runPlanOnWorkersNode } = (await import(new URL("../dist/simulate/runWorkersNode.js", import.meta.url).href)) as typeof import("../src/simulate/runWorkersNode.js");
  for (const [label, s] of [["1 strategy", single], ["4 strategies", scenario]] as const) {
    const plan = simulationPlan(s, strategies, { n: 2 * n, model }, context);
    start = performance.now();
    await runPlanOnWorkersNode(plan, context.assignPathway, 2);
    seconds = (performance.now() - start) / 1000;
    rows.push({ name: `runPlanOnWorkersNode, 2,000,000 patients x ${label}, 2 workers`, value: Math.round((2 * n) / seconds), unit: "patients/s", note: "dist/ JS workers, incl. start-up and merge" });
  }

  const helper = fileURLToPath(new URL("./simulateTenMillion.ts", import.meta.url));
  for (const mode of ["stream", "memory"] as const) {
    const child = spawnSync(process.execPath, ["--import", "tsx", helper, mode], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (child.status !== 0) {
      rows.push({ name: `10,000,000 patients (${mode})`, value: NaN, unit: "MiB", note: `failed: ${child.stderr.slice(0, 200)}` });
      continue;
    }
    const { ms, maxRssMiB } = JSON.parse(child.stdout.trim().split("\n").pop()!) as { ms: number; maxRssMiB: number };
    const note = mode === "stream" ? `1 thread, chunks of 65,536 patients, nothing kept; ${Math.round(1e7 / (ms / 1000)).toLocaleString("en-US")} patients/s` : `2 workers, cohort + 1 strategy kept in columns; ${(ms / 1000).toFixed(1)} s`;
    rows.push({ name: `10,000,000 patients x 1 strategy, peak memory (${mode})`, value: Math.round(maxRssMiB), unit: "MiB", note });
  }
  // the machine is shared: figures scale with the load (2 cores; load 4 means about half a core per process)
  const load = `load average ${loadBefore} → ${loadavg()[0].toFixed(1)}`;
  return rows.map((row) => ({ ...row, note: `${row.note ?? ""}; ${load}` }));
}
