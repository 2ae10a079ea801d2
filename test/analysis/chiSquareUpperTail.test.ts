import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chiSquareUpperTail, logGamma } from "../../src/analysis/chiSquareUpperTail.js";
import { expectNumber } from "./rFixtures.js";

const reference = JSON.parse(readFileSync(new URL("../fixtures/r/distributions/distributions.json", import.meta.url), "utf8")) as {
  pchisq: { x: number[]; df: number[]; upper: number[] };
};

describe("chiSquareUpperTail", () => {
  // R: pchisq(x, df, lower.tail = FALSE)
  it("chiSquareUpperTail(x, df) matches pchisq(x, df, lower.tail = FALSE) to 1e-10 relative, far tails included", () => {
    reference.pchisq.x.forEach((x, i) => {
      const df = reference.pchisq.df[i]!;
      expectNumber(`pchisq(${x}, ${df})`, chiSquareUpperTail(x, df), reference.pchisq.upper[i]!);
    });
  });

  it("chiSquareUpperTail(x, df) handles the edges as R does", () => {
    expect(chiSquareUpperTail(0, 1)).toBe(1);
    expect(chiSquareUpperTail(0, 0)).toBe(1); // pchisq(0, 0, lower.tail = FALSE) is 1
    expect(chiSquareUpperTail(Infinity, 3)).toBe(0);
    expect(chiSquareUpperTail(NaN, 3)).toBeNaN();
  });

  it("logGamma(a) is exact at integers and half-integers and accurate elsewhere", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(3.7)).toBeCloseTo(1.4280723266653881, 12); // R: lgamma(3.7)
  });
});
