import { describe, expect, it } from "vitest";
import { randomSource } from "../../src/random/index.js";
import { exponential, exponentialFromMedian } from "../../src/survival/index.js";
import { drawMany, medianStandardError, sampleMean, sampleMedian } from "../random/drawMany.js";

describe("exponential", () => {
  it("exponential(rate) has the textbook S, h, H, f, median ln2/rate and mean 1/rate", () => {
    const model = exponential(0.05);
    expect(model.survival(10)).toBeCloseTo(Math.exp(-0.5), 15);
    expect(model.hazard(3)).toBe(0.05);
    expect(model.cumulativeHazard(10)).toBeCloseTo(0.5, 15);
    expect(model.density(10)).toBeCloseTo(0.05 * Math.exp(-0.5), 15);
    expect(model.median).toBeCloseTo(Math.LN2 / 0.05, 13);
    expect(model.mean).toBeCloseTo(20, 13);
    expect(() => exponential(0)).toThrow("exponential requires a positive, finite rate, got 0");
  });

  it("exponentialFromMedian(29).sample(u) for randomSource(42) gives R's qexp(u, log(2)/29)", () => {
    const model = exponentialFromMedian(29);
    const source = randomSource(42);
    for (const r of [48.312585295243956, 33.067749986729901, 78.160594483070227]) expect(model.sample(source()) / r).toBeCloseTo(1, 13);
  });

  it("exponentialFromMedian(29): the median and mean of 100,000 draws within 4 SE", () => {
    const n = 100_000;
    const model = exponentialFromMedian(29);
    const values = drawMany(model.sample, n);
    expect(Math.abs(sampleMedian(values) - 29)).toBeLessThan(4 * medianStandardError(model.density(29), n));
    expect(Math.abs(sampleMean(values) - model.mean!)).toBeLessThan((4 * model.mean!) / Math.sqrt(n));
  });
});
