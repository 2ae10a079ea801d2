import { describe, expect, it } from "vitest";
import { quantileNormal, randomNormal, randomSource } from "../../src/random/index.js";
import { drawMany, sampleMean, sampleVariance } from "./drawMany.js";

describe("normal", () => {
  it("randomNormal(10, 2)(randomSource(42)) gives pinned draws (R: qnorm(u, 10, 2))", () => {
    const draw = randomNormal(10, 2);
    const source = randomSource(42);
    for (const expected of [10.962685249548963, 10.23276080976413, 12.035430226505451]) expect(draw(source)).toBeCloseTo(expected, 13);
  });

  it("quantileNormal(10, 2): mean and variance of 100,000 draws within 4 standard errors", () => {
    const n = 100_000;
    const values = drawMany(quantileNormal(10, 2), n);
    // SE(mean) = σ/√n = 0.0063; SE(variance) = σ²·√(2/(n − 1)) = 0.0179.
    expect(Math.abs(sampleMean(values) - 10)).toBeLessThan(4 * (2 / Math.sqrt(n)));
    expect(Math.abs(sampleVariance(values) - 4)).toBeLessThan(4 * 4 * Math.sqrt(2 / (n - 1)));
  });

  it("quantileNormal rejects a negative standard deviation", () => {
    expect(() => quantileNormal(0, -1)).toThrow("quantileNormal requires a non-negative, finite standard deviation, got -1");
  });
});
