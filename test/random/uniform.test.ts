import { describe, expect, it } from "vitest";
import { randomSource, randomUniform, quantileUniform } from "../../src/random/index.js";

describe("uniform", () => {
  it("randomUniform(3, 7)(randomSource(42)) gives pinned draws (R: qunif(u, 3, 7))", () => {
    const draw = randomUniform(3, 7);
    const source = randomSource(42);
    const r = [5.7394539853557944, 5.1852978710085154, 6.3823732743039727];
    for (const expected of r) expect(draw(source)).toBeCloseTo(expected, 14);
  });

  it("quantileUniform(low, high) maps 0 to low and is linear", () => {
    const quantile = quantileUniform(-2, 2);
    expect(quantile(0)).toBe(-2);
    expect(quantile(0.25)).toBe(-1);
    expect(() => quantileUniform(2, 1)).toThrow("quantileUniform requires low <= high, got 2 > 1");
  });
});
