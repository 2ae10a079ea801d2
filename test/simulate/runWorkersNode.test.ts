import { describe, expect, it } from "vitest";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { patientsCsv } from "../../src/simulate/patientsCsv.js";
import { runPlanOnWorkersNode, simulateOnWorkersNode } from "../../src/simulate/runWorkersNode.js";
import { simulate, simulationPlan } from "../../src/simulate/simulate.js";

const { context, strategies } = loadSimulationContextNode();
const { scenario } = loadScenarioNode("default", process.cwd());

describe("runPlanOnWorkersNode", () => {
  it("runPlanOnWorkersNode(plan, assign, 2) gives byte-identical patients.csv to 1 worker and to simulate()", async () => {
    const n = 4096 * 16 + 1234; // two chunks, the second one partial
    const plan = simulationPlan(scenario, strategies, { n }, context);
    const one = await runPlanOnWorkersNode(plan, context.assignPathway, 1);
    const two = await runPlanOnWorkersNode(plan, context.assignPathway, 2);
    const csv = patientsCsv(one);
    expect(patientsCsv(two) === csv).toBe(true);
    expect(two.pathwayLabels).toEqual(one.pathwayLabels);
    const direct = simulate(scenario, strategies, { n, model: plan.model }, context);
    expect(patientsCsv(direct) === csv).toBe(true);
  });

  it("simulateOnWorkersNode(..., {workers: 2}) reports increasing progress up to n (n above one chunk, so both workers run)", async () => {
    const seen: number[] = [];
    const n = 4096 * 16 + 100; // 5,000 patients would fit one chunk and run in this thread
    const result = await simulateOnWorkersNode(scenario, strategies, { n, workers: 2, onProgress: (done) => seen.push(done) }, context);
    expect(result.n).toBe(n);
    expect(seen.length).toBe(2);
    expect(seen[0] < seen[1]).toBe(true);
    expect(seen[seen.length - 1]).toBe(n);
  });
});
