import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chiSquareUpperTail } from "../../src/math/index.js";
import { expectNumber } from "../analysis/rFixtures.js";

const reference = JSON.parse(readFileSync(new URL("../fixtures/r/distributions/distributions.json", import.meta.url), "utf8")) as {
  pchisq: { x: number[]; df: number[]; upper: number[] };
};

describe("chiSquareUpperTail", () => {
  // R: pchisq(x, df, lower.tail = FALSE) (test/fixtures/r/make-fixtures.R)
  it("chiSquareUpperTail(x, df) matches pchisq(x, df, lower.tail = FALSE) to 1e-10 relative, far tails included", () => {
    reference.pchisq.x.forEach((x, i) => {
      const df = reference.pchisq.df[i]!;
      expectNumber(`pchisq(${x}, ${df})`, chiSquareUpperTail(x, df), reference.pchisq.upper[i]!);
    });
  });

  it("chiSquareUpperTail(x, df) handles the edges as R does", () => {
    expect(chiSquareUpperTail(0, 1)).toBe(1);
    expect(chiSquareUpperTail(0, 0)).toBe(1); // pchisq(0, 0, lower.tail = FALSE) is 1
    expect(chiSquareUpperTail(2, 0)).toBe(0);
    expect(chiSquareUpperTail(Infinity, 3)).toBe(0);
    expect(chiSquareUpperTail(NaN, 3)).toBeNaN();
    expect(chiSquareUpperTail(1, -1)).toBeNaN();
  });
});
