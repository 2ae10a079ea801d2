import { describe, expect, it } from "vitest";
import { quantileGeometric, randomGeometric, randomSource } from "../../src/random/index.js";
import { drawMany, sampleMean } from "./drawMany.js";

describe("geometric", () => {
  it("quantileGeometric(0.3)(p) matches R's qgeom", () => {
    // Rscript -e 'qgeom(c(0.1, 0.5, 0.9), 0.3)'  → 0 1 6
    expect([0.1, 0.5, 0.9].map(quantileGeometric(0.3))).toEqual([0, 1, 6]);
    const source = randomSource(42); // R: qgeom(u, 0.3) = 3, 2, 5
    const draw = randomGeometric(0.3);
    expect([draw(source), draw(source), draw(source)]).toEqual([3, 2, 5]);
  });

  it("quantileGeometric(0.3): mean (1 − p)/p within 4 SE on 100,000 draws", () => {
    const n = 100_000;
    const p = 0.3;
    expect(Math.abs(sampleMean(drawMany(quantileGeometric(p), n)) - (1 - p) / p)).toBeLessThan(4 * Math.sqrt((1 - p) / (p * p) / n));
  });
});
