import { describe, expect, it } from "vitest";
import { quantileCategorical, randomCategorical, randomSource } from "../../src/random/index.js";
import { drawMany } from "./drawMany.js";

describe("categorical", () => {
  it("quantileCategorical(weights) returns the index whose cumulative share first exceeds u", () => {
    const quantile = quantileCategorical([2, 0, 3, 5]);
    expect([0, 0.19, 0.2, 0.49, 0.5, 0.999999].map(quantile)).toEqual([0, 0, 2, 2, 3, 3]);
    expect(quantileCategorical([1, 1, 0])(0.9999999999)).toBe(1); // a trailing zero weight never wins
  });

  it("quantileCategorical([0.5, 0.3, 0.2]): shares within 4 SE on 100,000 draws", () => {
    const n = 100_000;
    const weights = [0.5, 0.3, 0.2];
    const counts = [0, 0, 0];
    for (const index of drawMany(quantileCategorical(weights), n)) counts[index]++;
    weights.forEach((w, i) => expect(Math.abs(counts[i] / n - w)).toBeLessThan(4 * Math.sqrt((w * (1 - w)) / n)));
  });

  it("randomCategorical([1, 1, 1])(randomSource(42)) is pinned", () => {
    const draw = randomCategorical([1, 1, 1]);
    const source = randomSource(42); // 0.6848…, 0.5463…, 0.8455…, 0.1990…
    expect([draw(source), draw(source), draw(source), draw(source)]).toEqual([2, 1, 2, 0]);
    expect(() => quantileCategorical([])).toThrow("quantileCategorical requires at least one weight");
    expect(() => quantileCategorical([0, 0])).toThrow("quantileCategorical requires a positive total weight");
  });
});
