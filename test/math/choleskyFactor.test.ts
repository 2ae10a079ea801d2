import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { choleskyFactor } from "../../src/math/choleskyFactor.js";

// R: t(chol(sigma)) — test/fixtures/r/mvn/make-mvn-fixtures.R
const fixture = JSON.parse(readFileSync(new URL("../fixtures/r/mvn/mvn.json", import.meta.url), "utf8")) as { sigma: number[][]; lower: number[][] };

describe("choleskyFactor", () => {
  it("choleskyFactor(sigma) equals R's t(chol(sigma)) to 1e-14", () => {
    const lower = choleskyFactor(fixture.sigma)!;
    lower.forEach((row, i) => row.forEach((value, j) => expect(Math.abs(value - fixture.lower[i]![j]!)).toBeLessThan(1e-14)));
  });

  it("choleskyFactor(A) gives L with L·Lᵀ = A (a 1 × 1 and a hand-worked 2 × 2: [[4, 2], [2, 5]] → [[2, 0], [1, 2]])", () => {
    expect(choleskyFactor([[9]])).toEqual([[3]]);
    expect(choleskyFactor([[4, 2], [2, 5]])).toEqual([[2, 0], [1, 2]]);
  });

  it("choleskyFactor returns null for a matrix that is not symmetric positive definite", () => {
    expect(choleskyFactor([[1, 2], [2, 1]])).toBeNull(); // eigenvalues 3 and −1
    expect(choleskyFactor([[1, 1], [1, 1]])).toBeNull(); // singular
    expect(choleskyFactor([[1, 0.5], [0.4, 1]])).toBeNull(); // not symmetric
    expect(choleskyFactor([[1, 0], [0]])).toBeNull(); // not square
    expect(choleskyFactor([[1, Number.NaN], [Number.NaN, 1]])).toBeNull();
  });
});
