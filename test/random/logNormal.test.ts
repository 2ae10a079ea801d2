import { describe, expect, it } from "vitest";
import { quantileLogNormal, randomLogNormal, randomSource } from "../../src/random/index.js";
import { drawMany, sampleMean, sampleMedian } from "./drawMany.js";

describe("logNormal", () => {
  it("randomLogNormal(log(29), 0.9)(randomSource(42)) gives pinned draws (R: qlnorm)", () => {
    const draw = randomLogNormal(Math.log(29), 0.9);
    const source = randomSource(42);
    for (const expected of [44.723728168281902, 32.202310169791936, 72.4748374464547]) expect(draw(source) / expected).toBeCloseTo(1, 13);
  });

  it("quantileLogNormal(0.5, 0.6): mean exp(μ + σ²/2) and median exp(μ) within 4 SE on 100,000 draws", () => {
    const n = 100_000;
    const [mu, sigma] = [0.5, 0.6];
    const values = drawMany(quantileLogNormal(mu, sigma), n);
    const mean = Math.exp(mu + sigma * sigma / 2);
    const sd = Math.sqrt((Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma));
    expect(Math.abs(sampleMean(values) - mean)).toBeLessThan(4 * sd / Math.sqrt(n));
    // Median SE = 1/(2 f(m) √n), f(m) = 1/(σ m √(2π)).
    const median = Math.exp(mu);
    const densityAtMedian = 1 / (sigma * median * Math.sqrt(2 * Math.PI));
    expect(Math.abs(sampleMedian(values) - median)).toBeLessThan(4 / (2 * densityAtMedian * Math.sqrt(n)));
  });
});
