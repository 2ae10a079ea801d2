import { describe, expect, it } from "vitest";
import { randomSource } from "../../src/random/index.js";
import { drawValue, isRangeDistribution, pointValue, rangeQuantile, type RangeParameter } from "../../src/survival/index.js";
import { drawMany, sampleMean, sampleVariance } from "../random/drawMany.js";

const surufatinib: RangeParameter = { low: 9.2, high: 10.9, distribution: "normal95" };

describe("RangeParameter", () => {
  it("pointValue(range) is the arithmetic midpoint on the linear scale and the geometric midpoint on the log scale", () => {
    expect(pointValue(surufatinib)).toBeCloseTo(10.05, 14);
    expect(pointValue({ low: 0.3, high: 0.6, distribution: "normal95", scale: "log" })).toBeCloseTo(Math.sqrt(0.18), 14);
    expect(pointValue({ low: 2, high: 4, distribution: "uniform" })).toBe(3);
  });

  it("rangeQuantile({ distribution: normal95 }) puts low and high at the 2.5% and 97.5% quantiles", () => {
    const quantile = rangeQuantile(surufatinib);
    expect(quantile(0.025)).toBeCloseTo(9.2, 12);
    expect(quantile(0.975)).toBeCloseTo(10.9, 12);
    expect(quantile(0.5)).toBeCloseTo(10.05, 12);
    const logQuantile = rangeQuantile({ low: 0.3, high: 0.6, distribution: "normal95", scale: "log" });
    expect(logQuantile(0.025)).toBeCloseTo(0.3, 12);
    expect(logQuantile(0.975)).toBeCloseTo(0.6, 12);
  });

  it("rangeQuantile uniform and triangular stay in [low, high]; their 100,000-draw means and variances within 4 SE", () => {
    const n = 100_000;
    const uniform = drawMany(rangeQuantile({ low: 9.2, high: 10.9, distribution: "uniform" }), n);
    const width = 1.7;
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(9.2);
    expect(Math.max(...uniform)).toBeLessThan(10.9);
    expect(Math.abs(sampleMean(uniform) - 10.05)).toBeLessThan(4 * Math.sqrt((width * width) / 12 / n));
    const triangular = drawMany(rangeQuantile({ low: 9.2, high: 10.9, distribution: "triangular" }), n);
    expect(Math.abs(sampleMean(triangular) - 10.05)).toBeLessThan(4 * Math.sqrt((width * width) / 24 / n)); // symmetric triangle: var = w²/24
    const normal = drawMany(rangeQuantile(surufatinib), n);
    const sd = width / (2 * 1.959963984540054);
    expect(Math.abs(Math.sqrt(sampleVariance(normal)) - sd)).toBeLessThan(4 * sd / Math.sqrt(2 * n));
  });

  it("drawValue(range, randomSource(42)) is pinned: 10.05 + sd·qnorm(0.6848634963389486)", () => {
    const sd = 1.7 / (2 * 1.959963984540054);
    // Rscript -e 'print(qnorm(0.6848634963389486), digits=17)' → 0.48134262477448137
    expect(drawValue(surufatinib, randomSource(42))).toBeCloseTo(10.05 + sd * 0.48134262477448137, 12);
  });

  it("pointValue and rangeQuantile reject bad ranges", () => {
    expect(() => pointValue({ low: 3, high: 2, distribution: "uniform" })).toThrow("pointValue requires finite low <= high, got 3 and 2");
    expect(() => rangeQuantile({ low: 0, high: 2, distribution: "uniform", scale: "log" })).toThrow("rangeQuantile requires a positive low on the log scale, got 0");
    expect(isRangeDistribution("normal95")).toBe(true);
    expect(isRangeDistribution("beta")).toBe(false);
  });
});
