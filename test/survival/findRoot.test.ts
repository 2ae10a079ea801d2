import { describe, expect, it } from "vitest";
import { exponential, findRoot, medianOfSurvival, timeAtSurvival } from "../../src/survival/index.js";

describe("findRoot", () => {
  it("findRoot(f, low, high) finds √2, a flat-sided root and an exact end", () => {
    expect(findRoot((x) => x * x - 2, 0, 2)).toBeCloseTo(Math.SQRT2, 12);
    expect(findRoot((x) => Math.pow(x - 1, 9), -3, 10, 1e-12)).toBeCloseTo(1, 3); // flat near the root: Illinois + bisection
    expect(findRoot((x) => x, 0, 1)).toBe(0);
    expect(() => findRoot((x) => x * x + 1, -1, 1)).toThrow("findRoot requires f(low) and f(high) of opposite signs");
  });
});

describe("timeAtSurvival", () => {
  it("medianOfSurvival(S) and timeAtSurvival(S, level) invert an exponential survival curve, from any guess", () => {
    const model = exponential(0.02);
    expect(medianOfSurvival(model.survival)).toBeCloseTo(Math.LN2 / 0.02, 9);
    expect(medianOfSurvival(model.survival, 1e6)).toBeCloseTo(Math.LN2 / 0.02, 9);
    expect(timeAtSurvival(model.survival, 0.9, 0.001)).toBeCloseTo(-Math.log(0.9) / 0.02, 9);
    expect(timeAtSurvival(() => 0.8, 0.5)).toBe(Infinity);
  });
});
