import { describe, expect, it } from "vitest";
import { halfUniformSpacing, randomSource, unitExponential } from "../../src/random/index.js";

describe("unitExponential", () => {
  it("unitExponential(u) is −ln(1 − u) exactly for u > 0 (R: qexp(u) = −log1p(−u))", () => {
    // qexp(c(0.5, 0.9, 1e-9)) in R: 0.6931471805599453, 2.302585092994046, 1.0000000005e-09
    expect(unitExponential(0.5)).toBe(Math.LN2);
    expect(unitExponential(0.9)).toBeCloseTo(Math.LN10, 14);
    expect(unitExponential(1e-9)).toBeCloseTo(1.0000000005e-9, 22);
    expect(unitExponential(1 - 2 ** -32)).toBeCloseTo(32 * Math.LN2, 10);
  });

  it("unitExponential(0) is strictly positive (the source can return exactly 0), and below every other draw", () => {
    expect(halfUniformSpacing).toBe(2 ** -33);
    expect(unitExponential(0)).toBeGreaterThan(0);
    expect(unitExponential(0)).toBeLessThan(unitExponential(2 ** -32));
    // −ln(1 − x) = x + x²/2 + …: relative excess x/2 ≈ 6e-11
    expect(Math.abs(unitExponential(0) / 2 ** -33 - 1)).toBeLessThan(1e-10);
  });

  it("unitExponential(source()) on 100,000 draws has mean 1 and P(E > 1) = e⁻¹ within 4 standard errors", () => {
    const source = randomSource(11);
    const n = 100_000;
    let sum = 0;
    let above = 0;
    for (let i = 0; i < n; i++) {
      const e = unitExponential(source());
      sum += e;
      if (e > 1) above++;
    }
    // sd of the mean = 1/√n ≈ 0.0032 → 0.013; sd of the share = √(p(1 − p)/n) ≈ 0.0015 → 0.006
    expect(Math.abs(sum / n - 1)).toBeLessThan(0.013);
    expect(Math.abs(above / n - Math.exp(-1))).toBeLessThan(0.006);
  });
});
