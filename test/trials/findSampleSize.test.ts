import { describe, expect, it } from "vitest";
import { findSampleSize } from "../../src/trials/findSampleSize.js";
import { twoArmDesign } from "../../src/trials/twoArmDesign.js";
import { isInputError } from "../../src/util/InputError.js";

describe("findSampleSize(design, targetPower)", () => {
  it("findSampleSize for 80% power (12 vs 22 months, 1000 trials per n) lands within 15% of Schoenfeld's n, on a crossing of the target", async () => {
    const search = await findSampleSize(twoArmDesign({ medianControl: 12, medianTreatment: 22, sims: 1000, seed: 201 }), 0.8);
    expect(search.schoenfeldN).toBe(112);
    expect(Math.abs(search.n - search.schoenfeldN)).toBeLessThan(0.15 * search.schoenfeldN);
    expect(search.n % 2).toBe(0);
    expect(search.result.n).toBe(search.n);
    expect(search.result.power).toBeGreaterThanOrEqual(0.8);
    // The largest n evaluated below the answer fell short of the target, one allocation block below.
    const below = search.steps.filter((step) => step.n < search.n).sort((a, b) => b.n - a.n)[0];
    expect(below.power).toBeLessThan(0.8);
    expect(below.n).toBe(search.n - 2);
    expect(search.nStandardError).toBeGreaterThan(0);
    expect(search.nStandardError).toBeLessThan(20);
  });
  it("findSampleSize with 2:1 allocation returns a multiple of the block of three", async () => {
    const search = await findSampleSize(twoArmDesign({ medianControl: 12, medianTreatment: 22, allocation: 2, sims: 300, seed: 202 }), 0.8);
    expect(search.n % 3).toBe(0);
  });
  it("findSampleSize rejects HR = 1 and event-driven designs with an InputError", async () => {
    await expect(findSampleSize(twoArmDesign({ medianControl: 12, hazardRatio: 1, sims: 10 }), 0.8)).rejects.toSatisfy(isInputError);
    await expect(findSampleSize({ ...twoArmDesign({ medianControl: 12, hazardRatio: 0.6, sims: 10 }), targetEvents: 100 }, 0.8)).rejects.toThrow(/event-driven/);
  });
});
