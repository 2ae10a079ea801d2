import { describe, expect, it } from "vitest";
import { invertMatrix, solveLinear } from "../../src/analysis/solveLinear.js";

describe("solveLinear", () => {
  it("solveLinear(matrix, b) solves a small system and reports a singular one", () => {
    // R: solve(matrix(c(4, 1, 2, 3), 2, byrow = TRUE), c(1, 2)) is c(0.1, 0.6)
    const x = solveLinear([[4, 1], [2, 3]], [1, 2])!;
    expect(x[0]).toBeCloseTo(0.1, 15);
    expect(x[1]).toBeCloseTo(0.6, 15);
    expect(solveLinear([[1, 2], [2, 4]], [1, 1])).toBeNull();
  });

  it("invertMatrix(matrix) inverts a symmetric positive-definite matrix", () => {
    const inverse = invertMatrix([[2, 1], [1, 2]])!;
    expect(inverse.flat().map((v) => Number(v.toFixed(12)))).toEqual([2 / 3, -1 / 3, -1 / 3, 2 / 3].map((v) => Number(v.toFixed(12))));
  });
});
