import { describe, expect, it } from "vitest";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { replicateModel, replicateSpread, simulateReplicates } from "../../src/simulate/replicates.js";

const { context, strategies } = loadSimulationContextNode();
const { scenario } = loadScenarioNode("default", process.cwd());

describe("replicates", () => {
  it("replicateSpread(values) gives the mean, sd and R-type-7 percentiles, leaving out nulls", () => {
    expect(replicateSpread([1, 2, 3, 4, null])).toEqual({ replicates: 4, mean: 2.5, sd: 1.291, p2_5: 1.075, p50: 2.5, p97_5: 3.925 });
  });

  it("replicateModel(scenario, context, seed, r) draws the surufatinib median from its range 9.2-10.9, differently per replicate, the same per seed", () => {
    const medians = [1, 2, 3].map((r) => replicateModel(scenario, context, 5, r).parameters.treatments.surufatinib.pfsMedian);
    for (const m of medians) expect(m >= 9.2 && m <= 10.9).toBe(true);
    expect(new Set(medians).size).toBe(3);
    expect(replicateModel(scenario, context, 5, 2).parameters.treatments.surufatinib.pfsMedian).toBe(medians[1]);
    // a figure without a range stays fixed
    expect(replicateModel(scenario, context, 5, 1).parameters.treatments.captem.pfsMedian).toBe(29);
  });

  it("simulateReplicates(scenario, strategies, {replicates: 3}) summarises the spread of the medians per strategy", () => {
    const { summaries, spread: summary } = simulateReplicates(scenario, strategies, { n: 2000, replicates: 3 }, context);
    expect(summaries.length).toBe(3);
    expect(summary.replicates).toBe(3);
    expect(summary.strategies.map((s) => s.strategy)).toEqual(scenario.strategies);
    const review = summary.strategies[0];
    expect(review.osHazardRatio).toBeNull();
    expect(review.pfsMedian.replicates).toBe(3);
    expect(review.pfsMedian.p2_5! <= review.pfsMedian.p97_5!).toBe(true);
    expect(summary.strategies[1].osHazardRatio!.replicates).toBe(3);
  });
});

describe("resolveOutcomeParameters", () => {
  it("resolveOutcomeParameters(registry, draw) draws a shared source once: HAE, HACE and SIRT keep one PFS median", async () => {
    const { resolveOutcomeParameters } = await import("../../src/simulate/OutcomeParameters.js");
    const { subStream } = await import("../../src/random/index.js");
    const drawn = resolveOutcomeParameters(context.registry, { kind: "draw", source: subStream(1, "x") });
    expect(drawn.treatments.hace.pfsMedian).toBe(drawn.treatments.hae.pfsMedian);
    expect(drawn.treatments.sirt.pfsMedian).toBe(drawn.treatments.hae.pfsMedian);
    const point = resolveOutcomeParameters(context.registry);
    expect(point.treatments.surufatinib.pfsMedian).toBeCloseTo(10.05, 12);
    expect(point.treatments.sunitinib).toMatchObject({ pfsMedian: 15.3, osMedian: 47.5, pfsSource: "sunitinib.pfs.median", osSource: "sunitinib.os.median" });
  });
});
