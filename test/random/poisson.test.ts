import { describe, expect, it } from "vitest";
import { quantilePoisson, randomPoisson, randomSource } from "../../src/random/index.js";
import { drawMany, sampleMean } from "./drawMany.js";

describe("poisson", () => {
  it("quantilePoisson(2.3)(p) matches R's qpois", () => {
    // Rscript -e 'qpois(c(0.1, 0.5, 0.9, 0.999), 2.3)'  → 0 2 4 8
    expect([0.1, 0.5, 0.9, 0.999].map(quantilePoisson(2.3))).toEqual([0, 2, 4, 8]);
    expect(quantilePoisson(2.3, 1)(0.1)).toBe(1);
  });

  it("randomPoisson(2.3)(randomSource(42)) gives R's qpois(u, 2.3) = 3, 2, 4", () => {
    const draw = randomPoisson(2.3);
    const source = randomSource(42);
    expect([draw(source), draw(source), draw(source)]).toEqual([3, 2, 4]);
  });

  it("quantilePoisson(2.3): mean within 4 SE on 100,000 draws", () => {
    const n = 100_000;
    expect(Math.abs(sampleMean(drawMany(quantilePoisson(2.3), n)) - 2.3)).toBeLessThan(4 * Math.sqrt(2.3 / n));
  });
});
