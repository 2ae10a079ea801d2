import { describe, expect, it } from "vitest";
import { randomSource, subStream, subStreamSeed } from "../../src/random/index.js";

describe("randomSource", () => {
  it("randomSource(42) gives pinned Alea numbers (reproducibility)", () => {
    const source = randomSource(42);
    expect([source(), source(), source(), source(), source()]).toEqual([
      0.6848634963389486, 0.5463244677521288, 0.8455933185759932, 0.19908552314154804, 0.5637381218839437,
    ]);
  });

  it('randomSource("pnen") and randomSource(42) differ; the same seed repeats', () => {
    const text = randomSource("pnen");
    expect([text(), text()]).toEqual([0.74230229225941, 0.0591161644551903]);
    const again = randomSource(42);
    expect(again()).toBe(0.6848634963389486);
  });

  it('subStream(42, "block", 7) is the stream of seed "42/block/7"', () => {
    expect(subStreamSeed(42, "block", 7)).toBe("42/block/7");
    const block = subStream(42, "block", 7);
    expect([block(), block()]).toEqual([0.5848848060704768, 0.3806896726600826]);
    expect(subStreamSeed(42)).toBe("42");
  });

  it("randomSource(seed)() stays in [0, 1) with mean 1/2 and variance 1/12 over 100,000 draws", () => {
    const source = randomSource(7);
    const n = 100_000;
    let sum = 0;
    let sumSquares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = source();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSquares += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    // SE of the mean = sqrt(1/12)/sqrt(n) ≈ 0.00091; 4 SE. SE of the variance ≈ sqrt(1/180)/sqrt(n) ≈ 0.00024; 4 SE.
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSquares / n - mean * mean - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n));
  });
});
