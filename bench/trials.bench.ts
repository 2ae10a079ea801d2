import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { BenchRow, BenchSuite } from "./BenchRow.js";
import { simulatePower } from "../src/trials/simulatePower.js";
import { twoArmDesign } from "../src/trials/twoArmDesign.js";
import type { TestSpec } from "../src/trials/TrialDesign.js";
import { readFileSync } from "node:fs";
import { parseTrialDesign } from "../src/trials/parseTrialDesign.js";
import { planSequential } from "../src/trials/planSequential.js";
import { simulateSequential } from "../src/trials/simulateSequential.js";

/**
 * Simulated trials per second for a 200-patient two-arm trial (12 vs 22 months, 24 + 24 months): in the
 * calling thread for each test, and on worker threads (compiled dist/ when built, as `npm run bench` does).
 * Then the group-sequential planner: the analytic plan of data/designs/conversion-sequential.json (three
 * looks, O'Brien-Fleming spending and beta-spending futility, sized as rpact does), its simulated trials
 * per second in one thread and on workers, and the agreement of 10,000 simulated trials with the plan.
 */
const suite: BenchSuite = async () => {
  const rows: BenchRow[] = [];
  const design = (sims: number, test: TestSpec = { kind: "logrank" }) => twoArmDesign({ medianControl: 12, medianTreatment: 22, n: 200, sims, seed: 1, test });
  simulatePower(design(200));
  for (const test of [{ kind: "logrank" }, { kind: "cox-wald" }, { kind: "rmst", tau: 36 }] as const) {
    const sims = 4000;
    const start = performance.now();
    simulatePower(design(sims, test));
    const seconds = (performance.now() - start) / 1000;
    rows.push({ name: `simulatePower, 200-patient trial, ${test.kind} (1 thread)`, value: Math.round(sims / seconds), unit: "trials/s", note: "KM medians, Cox HR and summaries included" });
  }
  const compiled = new URL("../dist/trials/powerWorkersNode.js", import.meta.url);
  const workersModule = (existsSync(compiled) ? await import(compiled.href) : await import("../src/trials/powerWorkersNode.js")) as typeof import("../src/trials/powerWorkersNode.js");
  const workers = Math.max(2, Math.min(8, availableParallelism()));
  const runner = workersModule.parallelTrialRunner({ workers });
  try {
    await runner.run(design(400), 200); // start-up and warm-up
    const sims = 16_000;
    const start = performance.now();
    await runner.run(design(sims), 200);
    const seconds = (performance.now() - start) / 1000;
    rows.push({ name: `parallelTrialRunner, 200-patient trial, logrank (${workers} workers)`, value: Math.round(sims / seconds), unit: "trials/s", note: `${existsSync(compiled) ? "dist/" : "tsx"} workers, warm pool; summaries not included` });
  } finally {
    await runner.close();
  }
  rows.push(...(await sequentialRows(workersModule, workers)));
  return rows;
};

async function sequentialRows(workersModule: typeof import("../src/trials/powerWorkersNode.js"), workers: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const json = JSON.parse(readFileSync(new URL("../data/designs/conversion-sequential.json", import.meta.url), "utf8"));
  const design = parseTrialDesign(json);
  planSequential(design);
  const planRuns = 20;
  let start = performance.now();
  for (let i = 0; i < planRuns; i++) planSequential(design);
  rows.push({ name: "planSequential, 3 looks, OBF spending + beta-spending futility", value: (performance.now() - start) / planRuns, unit: "ms", note: "bounds, drift, events, patients, analysis times; rpact-identical" });
  const plan = planSequential(design);
  const inThread = { ...design, sims: 2000 };
  await simulateSequential({ ...design, sims: 200 }, plan);
  start = performance.now();
  await simulateSequential(inThread, plan);
  rows.push({ name: "simulateSequential, 134-patient 3-look trial (1 thread)", value: Math.round(2000 / ((performance.now() - start) / 1000)), unit: "trials/s", note: "each look: censor at the k-th event, log-rank, Cox HR, KM medians" });
  const runner = workersModule.parallelTrialRunner({ workers });
  try {
    await simulateSequential({ ...design, sims: 400 }, plan, runner.run);
    const sims = 10_000;
    start = performance.now();
    const simulation = await simulateSequential({ ...design, sims }, plan, runner.run);
    rows.push({ name: `simulateSequential, 134-patient 3-look trial (${workers} workers)`, value: Math.round(sims / ((performance.now() - start) / 1000)), unit: "trials/s", note: "warm pool" });
    rows.push({
      name: "conversion-sequential.json, 10,000 trials: largest |sim - analytic|",
      value: simulation.maxAbsZ,
      unit: "MC SE",
      note: `early stop ${(100 * simulation.earlyStopping.any.simulated).toFixed(1)}% vs ${(100 * simulation.earlyStopping.any.analytic).toFixed(1)}%, power ${(100 * simulation.power.simulated).toFixed(1)}% vs ${(100 * simulation.power.analytic).toFixed(1)}%`,
    });
  } finally {
    await runner.close();
  }
  return rows;
}

export default suite;
