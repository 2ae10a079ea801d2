import { describe, expect, it } from "vitest";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { simulate } from "../../src/simulate/simulate.js";
import { strategyComparisons, withParameterUncertainty } from "../../src/simulate/strategyComparisons.js";
import { summarise } from "../../src/simulate/summarise.js";

const { context, strategies } = loadSimulationContextNode();
const { scenario } = loadScenarioNode("default", process.cwd());
const model = simulate(scenario, strategies, { n: 1 }, context).model;
const withStrategies = (ids: string[]) => ({ ...scenario, strategies: ids, referenceStrategy: ids[0] });

describe("strategyComparisons(result)", () => {
  it("strategyComparisons(default scenario) reports who each strategy changes: 13% for conversion first, 3.5% for upfront surgery", () => {
    const result = simulate(scenario, strategies, { n: 20_000, model }, context);
    const comparisons = strategyComparisons(result);
    expect(comparisons.map((c) => c.strategy)).toEqual(["conversion-first", "upfront-surgery", "captem-first"]);
    const [conversion, upfront] = comparisons;
    expect(conversion.pathwayDiffers.share).toBeGreaterThan(0.12);
    expect(conversion.pathwayDiffers.share).toBeLessThan(0.145);
    expect(upfront.pathwayDiffers.share).toBeGreaterThan(0.03);
    expect(upfront.pathwayDiffers.share).toBeLessThan(0.04);
    expect(conversion.note).toBeNull();
    // the whole-cohort HR is diluted by the 87% whose pathway is unchanged; within those changed it is further from 1
    const whole = conversion.os.hazardRatio!;
    const changed = conversion.os.changed!;
    expect(changed.patients).toBe(conversion.modelDiffers.patients);
    expect(Math.abs(Math.log(changed.hazardRatio.estimate!))).toBeGreaterThan(Math.abs(Math.log(whole.estimate!)));
    expect(whole.monteCarlo.lower!).toBeLessThan(whole.estimate!);
    expect(whole.monteCarlo.upper!).toBeGreaterThan(whole.estimate!);
    expect(whole.monteCarlo.batches).toBe(39); // 4 blocks of 8 batches, then 3,616 patients: 7 batches (the last with the 32 left over)
    expect(whole.parameter).toBeNull();
    // summary.json carries the comparisons, and each strategy's HR with its Monte Carlo limits (no Wald interval)
    const summary = summarise(result);
    expect(summary.comparisons).toEqual(comparisons);
    expect(summary.strategies[1].os.hazardRatio).toEqual({ estimate: whole.estimate, monteCarlo: { lower: whole.monteCarlo.lower, upper: whole.monteCarlo.upper } });
    expect(conversion.trialPlanner.design).toMatchObject({ scenario: "default", arms: [{ strategy: "review" }, { strategy: "conversion-first" }] });
  });

  it("strategyComparisons(review vs conversion first, n 5,000, seed 42) gives the same numbers every time (pinned)", () => {
    const [c] = strategyComparisons(simulate(withStrategies(["review", "conversion-first"]), strategies, { n: 5000, model, seed: 42 }, context));
    expect({ pathway: c.pathwayDiffers, model: c.modelDiffers, hr: c.os.hazardRatio, difference: c.os.medianDifference, changed: c.os.changed }).toMatchInlineSnapshot(`
      {
        "changed": {
          "hazardRatio": {
            "estimate": 0.8658,
            "monteCarlo": {
              "batches": 9,
              "lower": 0.8374,
              "standardError": 0.0145,
              "upper": 0.8952,
            },
            "parameter": null,
          },
          "medians": {
            "reference": 60.6376,
            "strategy": 69.8945,
          },
          "patients": 660,
        },
        "difference": {
          "estimate": 0.6672,
          "monteCarlo": {
            "batches": 9,
            "lower": 0.3845,
            "standardError": 0.1226,
            "upper": 0.9499,
          },
          "parameter": null,
        },
        "hr": {
          "estimate": 0.9801,
          "monteCarlo": {
            "batches": 9,
            "lower": 0.9761,
            "standardError": 0.0018,
            "upper": 0.9841,
          },
          "parameter": null,
        },
        "model": {
          "patients": 660,
          "share": 0.132,
        },
        "pathway": {
          "patients": 660,
          "share": 0.132,
        },
      }
    `);
  });

  it("strategyComparisons(two strategies that share one model: HACE vs SIRT) says so instead of printing HR 1.000", () => {
    const result = simulate(withStrategies(["review", "sirt-transarterial"]), strategies, { n: 8000, model }, context);
    const [sirt] = strategyComparisons(result);
    expect(sirt.pathwayDiffers.share).toBeGreaterThan(0.05);
    expect(sirt.modelDiffers).toEqual({ patients: 0, share: 0 });
    expect(sirt.sharedModels).toContainEqual({ reference: "hace", strategy: "sirt", source: "simulation.transarterial.pfs.median" });
    expect(sirt.note).toMatch(/^The pathway differs for \d+(\.\d+)?% of patients, but only by treatments that share one outcome model \(hace and sirt: simulation\.transarterial\.pfs\.median\)/);
    expect(sirt.os).toEqual({ hazardRatio: null, medianDifference: null, changed: null });
    expect(summarise(result).strategies[1].os.hazardRatio).toBeNull();
  });

  it("strategyComparisons(a strategy identical to the reference) says that no patient's pathway differs", () => {
    const copy = { ...strategies.find((s) => s.id === "review")!, id: "review-copy" };
    const result = simulate(withStrategies(["review", "review-copy"]), [...strategies, copy], { n: 3000, model }, context);
    const [same] = strategyComparisons(result);
    expect(same.pathwayDiffers).toEqual({ patients: 0, share: 0 });
    expect(same.note).toBe("No patient's pathway differs from the reference's: the two strategies are the same for this cohort, so there is no difference to estimate.");
    expect(same.pfs.hazardRatio).toBeNull();
  });

  it("strategyComparisons(conversion first vs review): the Monte Carlo interval of the OS HR covers the large-run HR in about 95% of 60 seeds (tolerance ≥ 85%)", () => {
    // truth: 200,000 patients (Monte Carlo SD √(8,192/200,000) = 20% of one seed's; it lowers the coverage of a 95%
    // interval by about one point). 60 seeds: binomial SD √(0.95·0.05/60) = 2.8 points; ≥ 85% is 3.6 SD below 95%.
    const two = withStrategies(["review", "conversion-first"]);
    const truth = strategyComparisons(simulate(two, strategies, { n: 200_000, model, seed: 999 }, context))[0].os.hazardRatio!.estimate!;
    let covered = 0;
    const seeds = 60;
    for (let seed = 1; seed <= seeds; seed++) {
      const hr = strategyComparisons(simulate(two, strategies, { n: 8192, model, seed }, context))[0].os.hazardRatio!;
      if (hr.monteCarlo.lower! <= truth && truth <= hr.monteCarlo.upper!) covered++;
    }
    expect(covered / seeds).toBeGreaterThanOrEqual(0.85);
  });

  it("withParameterUncertainty(comparisons, replicates) adds the replicates' 2.5–97.5% range, labelled apart from the Monte Carlo error", () => {
    const result = simulate(withStrategies(["review", "conversion-first"]), strategies, { n: 3000, model }, context);
    const spread = { replicates: 3, mean: 0.9, sd: 0.01, p2_5: 0.88, p50: 0.9, p97_5: 0.93 };
    const [c] = withParameterUncertainty(strategyComparisons(result), { strategies: [{ strategy: "conversion-first", pfsHazardRatio: spread, osHazardRatio: spread }] }, { "conversion-first": { pfs: spread, os: spread } });
    expect(c.os.hazardRatio!.parameter).toEqual({ lower: 0.88, upper: 0.93, replicates: 3 });
    expect(c.os.medianDifference!.parameter).toEqual({ lower: 0.88, upper: 0.93, replicates: 3 });
    expect(c.os.hazardRatio!.monteCarlo.batches).toBe(5);
  });
});
