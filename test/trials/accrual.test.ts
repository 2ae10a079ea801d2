import { describe, expect, it } from "vitest";
import { accrualCdf, accrualDuration, accrualProfile, accrualQuantile } from "../../src/trials/accrual.js";

describe("accrualDuration(spec, n)", () => {
  it("accrualDuration of a duration is the duration, whatever n", () => {
    expect(accrualDuration({ kind: "duration", months: 24, rampMonths: 0 }, 500)).toBe(24);
  });
  it("accrualDuration of a rate is n / rate, plus half the ramp (the ramp accrues half as fast)", () => {
    expect(accrualDuration({ kind: "rate", perMonth: 10, rampMonths: 0 }, 200)).toBe(20);
    expect(accrualDuration({ kind: "rate", perMonth: 10, rampMonths: 6 }, 200)).toBe(23);
    // Still in the ramp: c t²/(2R) = n → t = √(2Rn/c).
    expect(accrualDuration({ kind: "rate", perMonth: 10, rampMonths: 6 }, 12)).toBeCloseTo(Math.sqrt(2 * 6 * 1.2), 12);
  });
});

describe("accrualQuantile(duration, rampMonths, q)", () => {
  it("accrualQuantile inverts accrualCdf, uniform and ramped", () => {
    for (const ramp of [0, 6, 30]) {
      for (const q of [0.01, 0.1, 0.5, 0.9, 0.999]) expect(accrualCdf(24, ramp, accrualQuantile(24, ramp, q))).toBeCloseTo(q, 10);
    }
  });
  it("accrualCdf of a 6-month ramp over 24 months: 3/21 of patients by month 6", () => {
    expect(accrualCdf(24, 6, 6)).toBeCloseTo(3 / 21, 12);
    expect(accrualCdf(24, 0, 6)).toBeCloseTo(0.25, 12);
  });
});

describe("accrualProfile(spec, months) and piecewise accrual", () => {
  const piecewise = { kind: "piecewise" as const, startMonths: [0, 6], perMonth: [2, 8], rampMonths: 0 as const };
  it("accrualDuration of piecewise accrual: 12 patients in the first 6 months, then 8 a month", () => {
    expect(accrualDuration(piecewise, 100)).toBeCloseTo(17, 12);
    expect(accrualDuration(piecewise, 10)).toBeCloseTo(5, 12);
  });
  it("accrualProfile of piecewise accrual: density 2/100 then 8/100, cdf and quantile inverse to each other", () => {
    const profile = accrualProfile(piecewise, 17);
    expect(profile.pieces).toEqual([
      { start: 0, end: 6, intercept: 0.02, slope: 0 },
      { start: 6, end: 17, intercept: 0.08, slope: 0 },
    ]);
    expect(profile.cdf(6)).toBeCloseTo(0.12, 14);
    for (const q of [0.05, 0.12, 0.5, 0.99]) expect(profile.cdf(profile.quantile(q))).toBeCloseTo(q, 12);
  });
  it("accrualProfile of uniform and ramped accrual: the densities integrate to one and agree with accrualCdf", () => {
    for (const [spec, months] of [[{ kind: "duration" as const, months: 24, rampMonths: 0 }, 24], [{ kind: "rate" as const, perMonth: 10, rampMonths: 6 }, 23], [{ kind: "duration" as const, months: 4, rampMonths: 6 }, 4]] as const) {
      const profile = accrualProfile(spec, months);
      const mass = profile.pieces.reduce((sum, p) => sum + p.intercept * (p.end - p.start) + (p.slope * (p.end * p.end - p.start * p.start)) / 2, 0);
      expect(mass).toBeCloseTo(1, 14);
      expect(profile.cdf(3)).toBe(accrualCdf(months, spec.rampMonths, 3));
      expect(profile.quantile(0.3)).toBe(accrualQuantile(months, spec.rampMonths, 0.3));
    }
    expect(accrualProfile({ kind: "duration", months: 0, rampMonths: 0 }, 0).pieces).toEqual([]);
  });
});
