import { describe, expect, it } from "vitest";
import { accrualCdf, accrualDuration, accrualQuantile } from "../../src/trials/accrual.js";

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
