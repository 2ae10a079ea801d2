import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulatePower } from "../../src/trials/simulatePower.js";
import { parallelTrialRunner, simulatePowerParallel, workerSupport } from "../../src/trials/powerWorkersNode.js";
import { twoArmDesign } from "../../src/trials/twoArmDesign.js";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { planSequential } from "../../src/trials/planSequential.js";
import { simulationLooks } from "../../src/trials/simulationLooks.js";

// Worker threads load the simulation from compiled JavaScript (dist/), or from these TypeScript sources through
// tsx's ESM loader (a dev dependency). Without either, the worker tests are skipped with the reason.
const support = workerSupport();

describe.skipIf(!support.available)(`simulatePowerParallel(design, { workers }) [${support.reason}]`, () => {
  it("simulatePowerParallel with 2 workers gives exactly the in-thread result (trial i uses sub-stream i)", async () => {
    const design = twoArmDesign({ medianControl: 12, medianTreatment: 20, n: 100, sims: 301, seed: 42 });
    expect(await simulatePowerParallel(design, { workers: 2 })).toEqual(simulatePower(design));
  });
  it("parallelTrialRunner gives the same outcomes with 1, 2 and 3 workers", async () => {
    const design = twoArmDesign({ medianControl: 12, hazardRatio: 0.7, n: 60, sims: 97, seed: 43 });
    const results = [];
    for (const workers of [1, 2, 3]) {
      const runner = parallelTrialRunner({ workers });
      try {
        results.push(await runner.run(design, 60));
      } finally {
        await runner.close();
      }
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
  it("parallelTrialRunner gives the same group-sequential outcomes (every look) with 1 and 2 workers", async () => {
    const design = parseTrialDesign({ arms: [{ label: "c", median: 12 }, { label: "t", hazardRatio: 0.6 }], n: 90, sims: 61, seed: 45, sequential: { analyses: [0.5, 1], futility: "obf" } });
    const { looks, n } = simulationLooks(planSequential(design), 1);
    const results = [];
    for (const workers of [1, 2]) {
      const runner = parallelTrialRunner({ workers });
      try {
        results.push(await runner.run(design, n, looks));
      } finally {
        await runner.close();
      }
    }
    expect(results[0].sequential?.statistic.length).toBe(122);
    expect(results[1]).toEqual(results[0]);
  });
});

it("workerSupport() says where workers load the code from", () => {
  expect(support.reason.length).toBeGreaterThan(0);
});

// The compiled CLI's path: dist/ is built by `npm test` (and `npm run build`) before vitest runs.
const distModule = new URL("../../dist/trials/powerWorkersNode.js", import.meta.url);
describe.skipIf(!existsSync(distModule))("simulatePowerParallel from dist/ (compiled JavaScript workers)", () => {
  it("dist's simulatePowerParallel with 2 workers equals dist's in-thread simulatePower", async () => {
    // Compared with dist's own in-thread result, so a dist/ older than the sources cannot fail this test.
    const compiled = (await import(distModule.href)) as typeof import("../../src/trials/powerWorkersNode.js");
    const inThread = (await import(new URL("../../dist/trials/simulatePower.js", import.meta.url).href)) as typeof import("../../src/trials/simulatePower.js");
    expect(compiled.workerSupport().fromSource).toBe(false);
    const design = twoArmDesign({ medianControl: 12, medianTreatment: 20, n: 80, sims: 150, seed: 44 });
    expect(await compiled.simulatePowerParallel(design, { workers: 2 })).toEqual(inThread.simulatePower(design));
  });
});
