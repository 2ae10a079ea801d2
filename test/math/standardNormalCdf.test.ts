import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { standardNormalCdf, standardNormalSurvival } from "../../src/math/index.js";
import { expectNumber } from "../analysis/rFixtures.js";

const reference = JSON.parse(readFileSync(new URL("../fixtures/r/distributions/distributions.json", import.meta.url), "utf8")) as {
  pnorm: { z: number[]; upper: number[] };
};

describe("standardNormalCdf", () => {
  it("standardNormalCdf(x) matches R's pnorm to 2e-15 relative, far tail included", () => {
    // Rscript -e 'print(pnorm(c(-37, -10, -5, -1.96, -0.5, 0, 0.3, 1, 2.5, 7)), digits=17)'
    const x = [-37, -10, -5, -1.96, -0.5, 0, 0.3, 1, 2.5, 7];
    const r = [
      5.7255712225245771e-300, 7.6198530241605269e-24, 2.8665157187919391e-7, 2.4997895148220428e-2, 3.0853753872598694e-1, 0.5,
      6.1791142218895267e-1, 8.4134474606854293e-1, 9.9379033467422384e-1, 9.9999999999872013e-1,
    ];
    x.forEach((value, i) => expect(Math.abs(standardNormalCdf(value) - r[i]!)).toBeLessThanOrEqual(2e-15 * r[i]!));
  });

  // R: pnorm(z, lower.tail = FALSE) (test/fixtures/r/make-fixtures.R)
  it("standardNormalSurvival(z) and standardNormalCdf(-z) match pnorm(z, lower.tail = FALSE) from the fixtures", () => {
    reference.pnorm.z.forEach((z, i) => {
      expectNumber(`pnorm(${z}, lower.tail = FALSE)`, standardNormalSurvival(z), reference.pnorm.upper[i]!);
      expectNumber(`pnorm(${-z})`, standardNormalCdf(-z), reference.pnorm.upper[i]!);
    });
  });

  it("standardNormalSurvival(x) keeps the upper tail: pnorm(c(10, 20), lower.tail = FALSE)", () => {
    expect(standardNormalSurvival(10) / 7.6198530241605269e-24).toBeCloseTo(1, 14);
    expect(standardNormalSurvival(20) / 2.7536241186062337e-89).toBeCloseTo(1, 13);
    expect(standardNormalSurvival(50)).toBe(0);
    expect(standardNormalSurvival(-50)).toBe(1);
    expect(standardNormalSurvival(NaN)).toBeNaN();
  });
});
