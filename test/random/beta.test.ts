import { describe, expect, it } from "vitest";
import { betaFromMeanAndSd, quantileBeta, randomBeta, randomSource } from "../../src/random/index.js";
import { drawMany, sampleMean } from "./drawMany.js";

describe("beta", () => {
  it("quantileBeta(α, β)(p) matches R's qbeta to 1e-10", () => {
    // Rscript -e 'print(qbeta(c(0.01, 0.3, 0.5, 0.99), 2, 5), digits=17); print(qbeta(c(0.05, 0.5, 0.95), 0.5, 0.5), digits=17); print(qbeta(0.5, 57.1, 42.9), digits=17)'
    const q25 = quantileBeta(2, 5);
    [0.026763191142755063, 0.181803471318949111, 0.264449983295659941, 0.705686328319707457].forEach((r, i) =>
      expect(q25([0.01, 0.3, 0.5, 0.99][i])).toBeCloseTo(r, 10),
    );
    const arcsine = quantileBeta(0.5, 0.5);
    [0.0061558297024311365, 0.5, 0.9938441702975688852].forEach((r, i) => expect(arcsine([0.05, 0.5, 0.95][i])).toBeCloseTo(r, 10));
    expect(quantileBeta(57.1, 42.9)(0.5)).toBeCloseTo(0.57147519722025952, 10);
  });

  it("randomBeta(2, 5)(randomSource(42)) gives pinned draws (R: qbeta(u, 2, 5))", () => {
    const draw = randomBeta(2, 5);
    const source = randomSource(42);
    for (const r of [0.35211128234035949, 0.28476485779019289, 0.4575593533879595]) expect(draw(source)).toBeCloseTo(r, 10);
  });

  it("betaFromMeanAndSd(0.571, 0.05) has that mean, checked on 20,000 draws within 4 SE", () => {
    const { alpha, beta } = betaFromMeanAndSd(0.571, 0.05);
    expect(alpha / (alpha + beta)).toBeCloseTo(0.571, 14);
    expect(Math.sqrt((alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)))).toBeCloseTo(0.05, 14);
    const n = 20_000;
    expect(Math.abs(sampleMean(drawMany(quantileBeta(alpha, beta), n)) - 0.571)).toBeLessThan((4 * 0.05) / Math.sqrt(n));
    expect(() => betaFromMeanAndSd(0.5, 0.6)).toThrow("betaFromMeanAndSd requires 0 < sd < sqrt(mean(1 - mean))");
  });
});
