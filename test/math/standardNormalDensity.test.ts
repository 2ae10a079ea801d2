import { describe, expect, it } from "vitest";
import { standardNormalDensity } from "../../src/math/index.js";

describe("standardNormalDensity", () => {
  it("standardNormalDensity(x) matches R's dnorm to 1e-15 relative, far tail included", () => {
    // Rscript -e 'print(dnorm(c(0, 1.5, -3, 7, 20)), digits=17)'
    const x = [0, 1.5, -3, 7, 20];
    const r = [3.989422804014327e-1, 1.2951759566589174e-1, 4.4318484119380075e-3, 9.1347204083645936e-12, 5.5209483621597635e-88];
    x.forEach((value, i) => expect(Math.abs(standardNormalDensity(value) - r[i]!)).toBeLessThanOrEqual(1e-15 * r[i]!));
  });

  it("standardNormalDensity(x) is exp(-x²/2)/√(2π) and 0 at ±Infinity", () => {
    expect(standardNormalDensity(1.5)).toBeCloseTo(Math.exp(-1.125) / Math.sqrt(2 * Math.PI), 15);
    expect(standardNormalDensity(Infinity)).toBe(0);
    expect(standardNormalDensity(-Infinity)).toBe(0);
    expect(standardNormalDensity(NaN)).toBeNaN();
  });
});
