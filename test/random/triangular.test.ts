import { describe, expect, it } from "vitest";
import { randomSource, randomTriangular, quantileTriangular } from "../../src/random/index.js";
import { drawMany, sampleMean, sampleVariance } from "./drawMany.js";

describe("triangular", () => {
  it("quantileTriangular(a, b, c) inverts the textbook CDF F(x) = (x − a)²/((b − a)(c − a)) below c", () => {
    const quantile = quantileTriangular(0, 10, 2);
    expect(quantile(0)).toBe(0);
    expect(quantile(0.2)).toBeCloseTo(2, 14); // F(c) = (c − a)/(b − a) = 0.2
    expect(quantile(0.1)).toBeCloseTo(Math.sqrt(0.1 * 10 * 2), 14);
    expect(quantile(0.9)).toBeCloseTo(10 - Math.sqrt(0.1 * 10 * 8), 14);
  });

  it("quantileTriangular(0, 10, 2): mean (a + b + c)/3 and variance within 4 SE on 100,000 draws", () => {
    const n = 100_000;
    const [a, b, c] = [0, 10, 2];
    const values = drawMany(quantileTriangular(a, b, c), n);
    const variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    expect(Math.abs(sampleMean(values) - (a + b + c) / 3)).toBeLessThan(4 * Math.sqrt(variance / n));
    expect(Math.abs(sampleVariance(values) - variance)).toBeLessThan(0.05 * variance); // SE ≈ 0.3% here; 5% is a coarse check
  });

  it("randomTriangular(9.2, 10.9)(randomSource(42)) is pinned", () => {
    // u = 0.6848634963389486 > 0.5: 10.9 − √((1 − u)·1.7·0.85)
    expect(randomTriangular(9.2, 10.9)(randomSource(42))).toBeCloseTo(10.9 - Math.sqrt((1 - 0.6848634963389486) * 1.7 * 0.85), 14);
    expect(() => quantileTriangular(0, 1, 2)).toThrow("quantileTriangular requires low <= mode <= high, got 0, 2, 1");
  });
});
