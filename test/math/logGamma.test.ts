import { describe, expect, it } from "vitest";
import { logGamma } from "../../src/math/index.js";

/** |actual − expected| ≤ tolerance · |expected|. */
function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected), `got ${actual}, expected ${expected}`).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe("logGamma", () => {
  it("logGamma(x) matches R's lgamma to 1e-15 relative", () => {
    // Rscript -e 'print(lgamma(c(0.1, 1.5, 10, 100.5)), digits=17)'
    [0.1, 1.5, 10, 100.5].forEach((x, i) =>
      expectRelative(logGamma(x), [2.25271265173420598, -0.12078223763524518, 12.80182748008146909, 361.43554046777757094][i]!, 1e-15),
    );
    // Rscript -e 'print(lgamma(c(1e-10, 0.5, 2.5, 50.5, 199.5, 350, 1e5, -0.5)), digits=17)'
    const x = [1e-10, 0.5, 2.5, 50.5, 199.5, 350, 1e5, -0.5];
    const r = [
      2.3025850929882736e1, 5.7236494292470008e-1, 2.8468287047291918e-1, 1.4651925549072064e2, 8.5528638927345276e2, 1.6982668141203467e3,
      1.0512877089736569e6, 1.2655121234846454,
    ];
    x.forEach((value, i) => expectRelative(logGamma(value), r[i]!, 1e-15));
    expect(logGamma(3.7)).toBeCloseTo(1.4280723266653881, 14); // R: lgamma(3.7)
  });

  it("logGamma(x) is exact at 1 and 2 and matches the textbook at integers and half-integers", () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expectRelative(logGamma(5), Math.log(24), 1e-15);
    expectRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-15);
    expectRelative(logGamma(3.5), Math.log((15 / 8) * Math.sqrt(Math.PI)), 1e-15);
  });

  it("logGamma(1 + e) and logGamma(2 + e) keep relative accuracy next to the roots (Taylor series, A&S 6.1.33)", () => {
    // ln Γ(1 + e) = −γe + ζ(2)e²/2 − …, ln Γ(2 + e) = (1 − γ)e + (ζ(2) − 1)e²/2 − …; R's lgamma only has
    // absolute accuracy there (lgamma(2 + 1e-9) is off in the seventh digit), so the textbook is the reference.
    const eulerGamma = 0.57721566490153286;
    const halfZeta2 = Math.PI ** 2 / 12;
    const e = 1 + 1e-9 - 1;
    expectRelative(logGamma(1 + e), -eulerGamma * e + halfZeta2 * e * e, 1e-15);
    expectRelative(logGamma(2 + e), (1 - eulerGamma) * e + (halfZeta2 - 0.5) * e * e, 1e-15);
  });

  it("logGamma(x) at the poles and NaN", () => {
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect(logGamma(Infinity)).toBe(Infinity);
    expect(logGamma(NaN)).toBeNaN();
  });
});
