import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logNormal, proportionalHazards, weibull, withHazardRatio } from "../../src/survival/index.js";
import { drawMany, medianStandardError, sampleMedian } from "../random/drawMany.js";
import { everyFamily } from "./models.js";

describe("withHazardRatio", () => {
  it.each(everyFamily)("withHazardRatio(%s, hr) gives S₁ = S₀^HR and h₁ = HR·h₀ pointwise", (_name, model) => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 150, noNaN: true }), fc.double({ min: 0.2, max: 4, noNaN: true }), (t, hr) => {
        const adjusted = withHazardRatio(model, hr);
        expect(adjusted.survival(t)).toBeCloseTo(Math.pow(model.survival(t), hr), 12);
        expect(adjusted.hazard(t) / model.hazard(t)).toBeCloseTo(hr, 9);
        expect(adjusted.survival(adjusted.median)).toBeCloseTo(0.5, 10);
      }),
      { numRuns: 50 },
    );
  });

  it("withHazardRatio stays in closed form for exponential, Weibull, piecewise and nested proportional hazards", () => {
    expect(withHazardRatio(everyFamily[0][1], 2).family).toBe("exponential");
    const adjusted = withHazardRatio(weibull(1.2, 40), 0.5);
    expect(adjusted.family).toBe("weibull");
    // S₀^0.5 for a Weibull: scale·HR^(−1/k)
    expect(adjusted.family === "weibull" && adjusted.scale).toBeCloseTo(40 * Math.pow(0.5, -1 / 1.2), 12);
    expect(withHazardRatio(everyFamily[5][1], 2).family).toBe("piecewiseExponential");
    const nested = withHazardRatio(proportionalHazards(logNormal(3, 1), 0.5), 3);
    expect(nested.family === "proportionalHazards" && nested.hazardRatio).toBeCloseTo(1.5, 15);
    expect(withHazardRatio(everyFamily[1][1], 1)).toBe(everyFamily[1][1]);
    expect(() => withHazardRatio(everyFamily[1][1], 0)).toThrow("withHazardRatio requires a positive, finite hazard ratio, got 0");
  });

  it("withHazardRatio(logNormal(log(29), 0.9), 0.6).sample: median of 100,000 draws within 4 SE of the model median", () => {
    const n = 100_000;
    const model = withHazardRatio(logNormal(Math.log(29), 0.9), 0.6);
    expect(model.family).toBe("proportionalHazards");
    expect(model.mean).toBeUndefined();
    const values = drawMany(model.sample, n);
    expect(Math.abs(sampleMedian(values) - model.median)).toBeLessThan(4 * medianStandardError(model.density(model.median), n));
  });
});
