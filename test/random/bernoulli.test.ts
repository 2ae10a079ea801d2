import { describe, expect, it } from "vitest";
import { quantileBernoulli, randomBernoulli, randomSource } from "../../src/random/index.js";
import { drawMany, sampleMean } from "./drawMany.js";

describe("bernoulli", () => {
  it("quantileBernoulli(0.571): share of ones within 4 SE on 100,000 draws", () => {
    const n = 100_000;
    const p = 0.571;
    expect(Math.abs(sampleMean(drawMany(quantileBernoulli(p), n)) - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it("quantileBernoulli(p)(u) is monotone in p for a fixed u (common random numbers)", () => {
    for (const u of [0.1, 0.5, 0.9]) expect(quantileBernoulli(0.3)(u)).toBeLessThanOrEqual(quantileBernoulli(0.6)(u));
    const source = randomSource(42); // 0.6848…, 0.5463…
    const draw = randomBernoulli(0.6);
    expect([draw(source), draw(source)]).toEqual([0, 1]);
    expect(() => quantileBernoulli(1.5)).toThrow("quantileBernoulli requires probability in [0, 1], got 1.5");
  });
});
