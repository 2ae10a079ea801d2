import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { BenchRow, BenchSuite } from "./BenchRow.js";
import { simulatePower } from "../src/trials/simulatePower.js";
import { twoArmDesign } from "../src/trials/twoArmDesign.js";
import type { TestSpec } from "../src/trials/TrialDesign.js";

/**
 * Simulated trials per second for a 200-patient two-arm trial (12 vs 22 months, 24 + 24 months): in the
 * calling thread for each test, and on worker threads (compiled dist/ when built, as `npm run bench` does).
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
  return rows;
};

export default suite;
