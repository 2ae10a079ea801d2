import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalTwoSidedP } from "../../src/math/index.js";
import { expectNumber } from "../analysis/rFixtures.js";

const reference = JSON.parse(readFileSync(new URL("../fixtures/r/distributions/distributions.json", import.meta.url), "utf8")) as {
  pnorm: { z: number[]; twoSided: number[] };
};

describe("normalTwoSidedP", () => {
  // R: 2 * pnorm(-abs(z)) (test/fixtures/r/make-fixtures.R)
  it("normalTwoSidedP(z) matches 2 * pnorm(-abs(z)) from the fixtures, far tails included", () => {
    reference.pnorm.z.forEach((z, i) => expectNumber(`2 * pnorm(-abs(${z}))`, normalTwoSidedP(z), reference.pnorm.twoSided[i]!));
  });

  it("normalTwoSidedP(z) is 1 at 0, 0 at ±Infinity and NaN for NaN", () => {
    expect(normalTwoSidedP(0)).toBe(1);
    expect(normalTwoSidedP(Infinity)).toBe(0);
    expect(normalTwoSidedP(-Infinity)).toBe(0);
    expect(normalTwoSidedP(NaN)).toBeNaN();
  });
});
