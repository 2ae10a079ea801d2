import { describe, expect, it } from "vitest";
import { logLogistic, logLogisticFromMedian, logLogisticFromMedianAndLandmark } from "../../src/survival/index.js";
import { drawMany, medianStandardError, sampleMedian } from "../random/drawMany.js";

/** ∫₀^∞ S(t) dt by the substitution t = x/(1 − x) and the midpoint rule (for the mean check). */
function integrateSurvival(survival: (t: number) => number, steps = 200_000): number {
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const x = (i + 0.5) / steps;
    sum += survival(x / (1 - x)) / ((1 - x) * (1 - x));
  }
  return sum / steps;
}

describe("logLogistic", () => {
  it("logLogistic(2, 10) has the textbook S = 1/(1 + (t/α)^k), h, H = ln(1 + (t/α)^k) and quantile", () => {
    const model = logLogistic(2, 10);
    expect(model.survival(5)).toBeCloseTo(1 / 1.25, 15);
    expect(model.hazard(5)).toBeCloseTo((0.2 * 0.5) / 1.25, 15);
    expect(model.cumulativeHazard(5)).toBeCloseTo(Math.log(1.25), 15);
    expect(model.density(5)).toBeCloseTo((0.2 * 0.5) / (1.25 * 1.25), 15);
    expect(model.median).toBe(10);
    expect(model.quantile(0.8)).toBeCloseTo(10 * 2, 13); // (0.8/0.2)^(1/2) = 2
  });

  it("logLogistic(k, α).mean = α(π/k)/sin(π/k) agrees with ∫S(t)dt; infinite for k ≤ 1", () => {
    const model = logLogistic(3, 10);
    expect(model.mean).toBeCloseTo(integrateSurvival(model.survival), 5);
    expect(logLogistic(1, 10).mean).toBe(Infinity);
  });

  it("logLogisticFromMedian(29, { shape: 1.4 }) reproduces the median within 4 SE on 100,000 draws", () => {
    const n = 100_000;
    const model = logLogisticFromMedian(29, { shape: 1.4 });
    expect(Math.abs(sampleMedian(drawMany(model.sample, n)) - 29)).toBeLessThan(4 * medianStandardError(model.density(29), n));
  });

  it("logLogisticFromMedianAndLandmark(29, 12, 0.75) passes through both figures", () => {
    const model = logLogisticFromMedianAndLandmark(29, 12, 0.75);
    expect(model.median).toBe(29);
    expect(model.survival(12)).toBeCloseTo(0.75, 14);
  });
});
