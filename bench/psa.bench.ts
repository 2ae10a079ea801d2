import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "./BenchRow.js";
import { loadScenarioNode } from "../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../src/simulate/loadSimulationContextNode.js";
import { replicateModel } from "../src/simulate/replicates.js";

/**
 * Probabilistic sensitivity analysis (issues 12 and 16): the cost of one replicate's calibration (parameters drawn,
 * every treatment recalibrated on its population-matched cohort, whose patients and draws are shared by all
 * replicates), on the default scenario and on example-curve (CAPTEM recalibrated to a drawn whole curve); and the
 * two commands `npm start` runs, whole process (the compiled dist/ code): `simulate --scenario default` and
 * `report --scenario default --replicates 20`, plus `simulate --n 10000 --replicates 20`.
 */
export default async function psaBench(): Promise<BenchRow[]> {
  const loadBefore = loadavg()[0].toFixed(1);
  const { context, strategies } = loadSimulationContextNode();
  const rows: BenchRow[] = [];
  for (const name of ["default", "example-curve"]) {
    const { scenario } = loadScenarioNode(name, process.cwd(), strategies.map((s) => s.id));
    let start = performance.now();
    replicateModel(scenario, context, scenario.seed, 1); // first: draws the calibration cohorts
    const first = performance.now() - start;
    const times: number[] = [];
    for (let r = 2; r <= 21; r++) {
      start = performance.now();
      replicateModel(scenario, context, scenario.seed, r);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    rows.push({ name: `replicateModel (one PSA replicate's calibration), scenario ${name}`, value: Number(times[10]!.toFixed(1)), unit: "ms", note: `median of 20; the first, drawing the cohorts, ${first.toFixed(0)} ms` });
  }
  const bin = fileURLToPath(new URL("../bin/pnen-sim.js", import.meta.url));
  const out = mkdtempSync(join(tmpdir(), "pnen-psa-bench-"));
  try {
    for (const [label, args] of [
      ["pnen-sim simulate --scenario default (npm start, first command)", ["simulate", "--scenario", "default", "--out", join(out, "s")]],
      ["pnen-sim report --scenario default --replicates 20 (npm start, second command)", ["report", "--scenario", "default", "--replicates", "20", "--out", join(out, "r")]],
      ["pnen-sim simulate --scenario default --n 10000 --replicates 20", ["simulate", "--scenario", "default", "--n", "10000", "--replicates", "20", "--out", join(out, "p")]],
    ] as const) {
      const start = performance.now();
      const child = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
      const ms = performance.now() - start;
      rows.push({ name: label, value: child.status === 0 ? Math.round(ms) : NaN, unit: "ms", note: child.status === 0 ? "whole process" : `failed: ${child.stderr.slice(0, 200)}` });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const load = `load average ${loadBefore} → ${loadavg()[0].toFixed(1)}`;
  return rows.map((row) => ({ ...row, note: `${row.note ?? ""}; ${load}` }));
}
