import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inverseNormalCdf, standardNormalCdf, upperNormalQuantile } from "../../src/math/index.js";
import { expectNumber } from "../analysis/rFixtures.js";

const reference = JSON.parse(readFileSync(new URL("../fixtures/r/distributions/distributions.json", import.meta.url), "utf8")) as {
  qnorm: { p: number[]; quantile: number[] };
};

describe("inverseNormalCdf", () => {
  it("inverseNormalCdf(p) matches R's qnorm to 1e-15 relative", () => {
    // Rscript -e 'print(qnorm(c(1e-300, 1e-10, 0.001, 0.025, 0.3, 0.5, 0.975, 0.999, 1-1e-10)), digits=17)'
    const p = [1e-300, 1e-10, 0.001, 0.025, 0.3, 0.5, 0.975, 0.999, 1 - 1e-10];
    const r = [
      -37.04709629936120052, -6.3613409024040557, -3.09023230616781319, -1.95996398454005383, -0.52440051270804067, 0,
      1.95996398454005361, 3.09023230616781319, 6.36134088969742084,
    ];
    p.forEach((probability, i) => expect(Math.abs(inverseNormalCdf(probability) - r[i]!)).toBeLessThanOrEqual(1e-15 * Math.abs(r[i]!)));
  });

  // R: qnorm(p) (test/fixtures/r/make-fixtures.R)
  it("inverseNormalCdf(p) matches qnorm(p) from the fixtures", () => {
    reference.qnorm.p.forEach((p, i) => expectNumber(`qnorm(${p})`, inverseNormalCdf(p), reference.qnorm.quantile[i]!));
  });

  it("inverseNormalCdf(0), (1) and outside [0, 1] give -Infinity, Infinity, NaN", () => {
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
    expect(inverseNormalCdf(-0.1)).toBeNaN();
    expect(inverseNormalCdf(NaN)).toBeNaN();
  });

  it("upperNormalQuantile(1e-20) matches qnorm(1e-20, lower.tail = FALSE) = 9.2623400897984052", () => {
    expect(upperNormalQuantile(1e-20)).toBeCloseTo(9.2623400897984052, 13);
    expect(upperNormalQuantile(0.3)).toBeCloseTo(0.52440051270804067, 15);
    expect(upperNormalQuantile(0)).toBe(Infinity);
    expect(upperNormalQuantile(1)).toBe(-Infinity);
  });

  it("standardNormalCdf(inverseNormalCdf(p)) round-trips to 1e-14 relative", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(standardNormalCdf(inverseNormalCdf(p)) - p)).toBeLessThanOrEqual(1e-14 * Math.min(p, 1) + 1e-16);
      }),
    );
  });
});
