import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { standardNormalCdf, standardNormalDensity } from "../../src/math/index.js";
import { randomSource, randomTruncatedNormal, quantileTruncatedNormal } from "../../src/random/index.js";
import { drawMany, sampleMean } from "./drawMany.js";

describe("truncatedNormal", () => {
  it("quantileTruncatedNormal(60, 10, 18, 90) stays in [18, 90] for every u", () => {
    const quantile = quantileTruncatedNormal(60, 10, 18, 90);
    fc.assert(fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (u) => {
      const value = quantile(u);
      expect(value >= 18 && value <= 90).toBe(true);
    }));
  });

  it("quantileTruncatedNormal(0, 1, 0.5, Infinity): mean φ(a)/(1 − Φ(a)) + 0 within 4 SE on 100,000 draws", () => {
    // Textbook: E[Z | Z > a] = φ(a)/(1 − Φ(a)); variance 1 + aλ − λ², λ = that mean.
    const n = 100_000;
    const a = 0.5;
    const lambda = standardNormalDensity(a) / (1 - standardNormalCdf(a));
    const variance = 1 + a * lambda - lambda * lambda;
    const values = drawMany(quantileTruncatedNormal(0, 1, a), n);
    expect(Math.abs(sampleMean(values) - lambda)).toBeLessThan(4 * Math.sqrt(variance / n));
  });

  it("randomTruncatedNormal(60, 10, 18, 90)(randomSource(42)) is the normal quantile of the rescaled u", () => {
    const draw = randomTruncatedNormal(60, 10, 18, 90);
    const value = draw(randomSource(42));
    // R: lo <- pnorm(-4.2); hi <- pnorm(3); 60 + 10 * qnorm(lo + 0.6848634963389486 * (hi - lo))
    expect(value).toBeCloseTo(64.787540804431714, 12);
    expect(() => quantileTruncatedNormal(0, 1, 2, 1)).toThrow("quantileTruncatedNormal requires low < high, got 2 and 1");
  });
});
