import { describe, expect, it } from "vitest";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { simulatePower } from "../../src/trials/simulatePower.js";
import { twoArmDesign } from "../../src/trials/twoArmDesign.js";

/*
 * Tolerances. With S simulated trials the Monte Carlo standard error of a power p is SE = √(p(1 − p)/S)
 * (≤ 0.0112 at S = 2000). Schoenfeld's formula is itself an approximation (variance under the null, normal
 * drift): for hazard ratios 0.55–0.7 with 1:1 allocation and 80–200 events it is within about 0.015 of the
 * exact power (Schoenfeld 1983; Hsieh 1992, Stat Med 11:1023). We accept
 *     |simulated − Schoenfeld| < 3·SE + 0.02
 * (3·SE: a false alarm for a correct simulation in about 1 run in 370 per design). With unequal allocation
 * Schoenfeld and Freedman err on opposite sides, so the simulated power must lie between them, widened by 3·SE.
 */
const sims = 2000;
const standardError = (power: number) => Math.sqrt((power * (1 - power)) / sims);

describe("simulatePower(design)", () => {
  const designs = [
    { name: "exponential 12 vs 22 months, n 120, 24 + 24 months", design: twoArmDesign({ medianControl: 12, medianTreatment: 22, n: 120, sims, seed: 101 }) },
    { name: "HR 0.7, n 320, dropout 1%/month, 18 + 12 months", design: twoArmDesign({ medianControl: 10, hazardRatio: 0.7, n: 320, accrualMonths: 18, followUpMonths: 12, dropoutRate: 0.01, sims, seed: 102 }) },
    {
      name: "12 vs 18 months, ramped rate accrual 10/month, n 260, 12 months' follow-up",
      design: parseTrialDesign({ arms: [{ label: "c", median: 12 }, { label: "t", median: 18 }], n: 260, accrual: { ratePerMonth: 10, rampMonths: 6 }, followUpMonths: 12, sims, seed: 103 }),
    },
  ];
  for (const { name, design } of designs) {
    it(`simulatePower agrees with Schoenfeld within 3·SE + 0.02 under PH with exponential arms: ${name}`, () => {
      const result = simulatePower(design);
      expect(result.sims).toBe(sims);
      expect(result.power).toBeGreaterThan(0.3);
      expect(result.power).toBeLessThan(0.97);
      expect(Math.abs(result.power - result.schoenfeld.power)).toBeLessThan(3 * standardError(result.schoenfeld.power) + 0.02);
      // Events: the simulated mean within 0.5 events (≈ 4 Monte Carlo SE) of the analytic expectation.
      expect(Math.abs(result.expectedEvents - result.analytic.expectedEvents)).toBeLessThan(0.5);
      expect(result.notes).toEqual([]);
    });
  }

  it("simulatePower with 2:1 allocation lies between Schoenfeld and Freedman, widened by 3·SE", () => {
    const result = simulatePower(twoArmDesign({ medianControl: 12, medianTreatment: 22, n: 120, allocation: 2, sims, seed: 104 }));
    const low = Math.min(result.schoenfeld.power, result.freedman.power);
    const high = Math.max(result.schoenfeld.power, result.freedman.power);
    expect(result.power).toBeGreaterThan(low - 3 * standardError(low));
    expect(result.power).toBeLessThan(high + 3 * standardError(high));
  });

  it("simulatePower under HR = 1 keeps the type-I error at alpha within 3·SE + 0.005 (log-rank, 4000 trials)", () => {
    const result = simulatePower(twoArmDesign({ medianControl: 12, hazardRatio: 1, n: 200, sims: 4000, seed: 105 }));
    expect(Math.abs(result.power - 0.05)).toBeLessThan(3 * Math.sqrt((0.05 * 0.95) / 4000) + 0.005);
    expect(result.lower).toBeLessThan(0.05 + 0.005);
    expect(result.upper).toBeGreaterThan(0.05 - 0.005);
  });

  it("simulatePower under HR = 1 with the Cox Wald and stratified log-rank tests keeps alpha within 3·SE + 0.01 (2000 trials)", () => {
    const cox = simulatePower(twoArmDesign({ medianControl: 12, hazardRatio: 1, n: 200, sims, seed: 106, test: { kind: "cox-wald" } }));
    expect(Math.abs(cox.power - 0.05)).toBeLessThan(3 * standardError(0.05) + 0.01);
    const stratified = simulatePower(
      parseTrialDesign({ arms: [{ label: "c", median: 12 }, { label: "t", hazardRatio: 1 }], strata: [{ label: "G1", proportion: 0.5, hazardMultiplier: 0.5 }, { label: "G2", proportion: 0.5, hazardMultiplier: 2 }], test: "stratified-logrank", sims, seed: 107 }),
    );
    expect(Math.abs(stratified.power - 0.05)).toBeLessThan(3 * standardError(0.05) + 0.01);
  });

  it("simulatePower is reproducible: the same seed gives the same result, another seed another", () => {
    const design = twoArmDesign({ medianControl: 12, medianTreatment: 20, n: 100, sims: 200, seed: 7 });
    const first = simulatePower(design);
    expect(simulatePower(design)).toEqual(first);
    expect(simulatePower({ ...design, seed: 8 }).hazardRatioQuantiles).not.toEqual(first.hazardRatioQuantiles);
  });

  it("simulatePower(seed 7, 200 trials, 12 vs 20 months, n 100) gives the recorded exact values", () => {
    const result = simulatePower(twoArmDesign({ medianControl: 12, medianTreatment: 20, n: 100, sims: 200, seed: 7 }));
    expect({ power: result.power, expectedEvents: result.expectedEvents, medianHazardRatio: Number(result.medianHazardRatio.toFixed(6)) }).toMatchInlineSnapshot(`
      {
        "expectedEvents": 78.49,
        "medianHazardRatio": 0.615309,
        "power": 0.58,
      }
    `);
  });

  it("simulatePower reports the HR distribution around the design HR and the median difference around 10 months", () => {
    const result = simulatePower(twoArmDesign({ medianControl: 12, medianTreatment: 22, n: 200, sims: 1000, seed: 108 }));
    // Cox estimates: median within 0.03 of 12/22 = 0.545 (SE of the median HR ≈ 0.1/√1000·1.25 ≈ 0.004, plus small-sample bias).
    expect(Math.abs(result.medianHazardRatio - 12 / 22)).toBeLessThan(0.03);
    expect(result.hazardRatioQuantiles.q025).toBeLessThan(result.medianHazardRatio);
    expect(result.hazardRatioQuantiles.q975).toBeGreaterThan(result.medianHazardRatio);
    expect(Math.abs(result.medianDifference.quantiles.q50 - 10)).toBeLessThan(1);
    expect(result.expectedDuration).toBe(48);
  });

  it("simulatePower notes non-proportional hazards for a mixture arm", () => {
    const result = simulatePower(parseTrialDesign({ arms: [{ label: "c", median: 12 }, { label: "t", mixture: [{ weight: 0.4, median: 40 }, { weight: 0.6, median: 11 }] }], n: 150, sims: 300, seed: 109 }));
    expect(result.comparisons[0].proportionalHazards).toBe(false);
    expect(result.notes.join(" ")).toMatch(/hazards are not proportional \(hazard ratio from 0\.\d+ to 0\.\d+ over the follow-up/);
  });

  it("simulatePower notes a reversed effect (HR above 1): the two-sided power detects harm, the one-sided power for benefit is below alpha/2", () => {
    const result = simulatePower(parseTrialDesign({ arms: [{ label: "control", median: 22 }, { label: "treatment", median: 12 }], n: 120, sims: 200, seed: 111 }));
    const comparison = result.comparisons[0];
    expect(comparison.designHazardRatio).toBeCloseTo(22 / 12, 10);
    const note = result.notes.find((text) => text.startsWith("The effect is reversed"));
    expect(note).toMatch(/^The effect is reversed: treatment is worse than control \(hazard ratio 1\.833 > 1\)\. The power is the two-sided test's chance of detecting a difference — here, harm — not a benefit; a one-sided test for benefit \(level 0\.025\) has power (\S+) \(Schoenfeld, at [\d.]+ events\)\.$/);
    const benefit = Number(/has power (\S+) \(/.exec(note as string)?.[1]);
    expect(benefit).toBeGreaterThan(0);
    expect(benefit).toBeLessThan(1e-6);
    // The mirrored beneficial design gets no such note.
    const mirrored = simulatePower(parseTrialDesign({ arms: [{ label: "control", median: 12 }, { label: "treatment", median: 22 }], n: 120, sims: 200, seed: 111 }));
    expect(mirrored.notes.some((text) => /reversed/.test(text))).toBe(false);
  });

  it("simulatePower with three arms reports each comparison at alpha/2 (Bonferroni) and the any-rejection power", () => {
    const result = simulatePower(parseTrialDesign({ arms: [{ label: "c", median: 12 }, { label: "a", median: 22 }, { label: "b", hazardRatio: 1 }], n: 240, sims: 400, seed: 110 }));
    expect(result.comparisonAlpha).toBe(0.025);
    expect(result.comparisons.map((c) => c.arm)).toEqual(["a", "b"]);
    expect(result.comparisons[1].power).toBeLessThan(0.06);
    expect(result.anyRejection.power).toBeGreaterThanOrEqual(result.comparisons[0].power);
  });

  it("simulatePower with the RMST test: a better treatment arm gives negative z and power below the log-rank's under PH", () => {
    const base = twoArmDesign({ medianControl: 12, medianTreatment: 20, n: 150, sims: 600, seed: 111 });
    const rmst = simulatePower({ ...base, test: { kind: "rmst", tau: 24 } });
    const logRank = simulatePower(base);
    expect(rmst.power).toBeGreaterThan(0.3);
    expect(rmst.power).toBeLessThan(logRank.power + 0.02);
  });

  it("simulatePower of an event-driven design analyses at the target events; mean duration near the analytic", () => {
    const result = simulatePower(parseTrialDesign({ arms: [{ label: "c", median: 12 }, { label: "t", median: 18 }], n: 300, accrual: { ratePerMonth: 12 }, targetEvents: 180, sims: 400, seed: 112 }));
    expect(result.expectedEvents).toBe(180);
    expect(Math.abs(result.expectedDuration - result.analytic.analysisTime)).toBeLessThan(1);
    expect(result.schoenfeld.n).toBeNull();
  });
});
