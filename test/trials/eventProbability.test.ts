import { describe, expect, it } from "vitest";
import { weibullModel } from "../../src/trials/armModel.js";
import { armEventProbability, eventProbability, exponentialEventProbability } from "../../src/trials/eventProbability.js";
import { accrualProfile } from "../../src/trials/accrual.js";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { designAccrualMonths, resolveDesign } from "../../src/trials/resolveDesign.js";
import { eventProbabilityCases, singleLookCases } from "./rpactFixtures.js";

describe("eventProbability(arm, multiplier, dropoutRate, accrualMonths, rampMonths, calendarMonth)", () => {
  it("eventProbability of an exponential arm with uniform accrual matches the closed form to 1e-6", () => {
    for (const [median, dropout, accrual, followUp] of [
      [12, 0, 24, 24],
      [22, 0.005, 24, 24],
      [6, 0.02, 36, 6],
      [40, 0.01, 12, 0],
    ]) {
      const numeric = eventProbability(weibullModel(median, 1), 1, dropout, accrual, 0, accrual + followUp);
      expect(numeric).toBeCloseTo(exponentialEventProbability(Math.LN2 / median, dropout, accrual, accrual + followUp), 6);
    }
  });
  it("eventProbability with hazard multiplier m is that of the arm with median / m (exponential)", () => {
    expect(eventProbability(weibullModel(12, 1), 2, 0.01, 24, 6, 48)).toBeCloseTo(eventProbability(weibullModel(6, 1), 1, 0.01, 24, 6, 48), 8);
  });
  it("eventProbability without accrual or dropout is F(τ)", () => {
    expect(eventProbability(weibullModel(12, 0.7), 1, 0, 0, 0, 30)).toBeCloseTo(1 - weibullModel(12, 0.7).survival(30), 8);
  });
});

describe("armEventProbability(arm, multiplier, dropout, accrual, calendarMonth)", () => {
  // Reference: 40-point Gauss-Legendre quadrature of both integrals on every smooth piece, in R
  // (test/fixtures/rpact/make-fixtures.R, event-probability.json): rpact has no piecewise dropout, ramped accrual,
  // delayed effect or Weibull-with-dropout event probabilities, and its integrate() is inexact at hazard kinks.
  for (const c of eventProbabilityCases()) {
    it(`armEventProbability (${c.id}) equals the quadrature`, () => {
      const control = (c.arm.control ?? c.arm) as Record<string, unknown>;
      const arms = c.arm.control ? [{ label: "c", ...control }, { label: "t", hazardRatio: c.arm.hazardRatio, delayMonths: c.arm.delayMonths }] : [{ label: "c", ...control }, { label: "t", hazardRatio: 0.5 }];
      const design = parseTrialDesign({ arms, n: c.n, accrual: c.accrual, ...(c.dropout ? { dropout: c.dropout } : {}) });
      const resolved = resolveDesign(design);
      const arm = c.arm.control ? resolved.arms[1] : resolved.arms[0];
      const profile = accrualProfile(design.accrual, designAccrualMonths(design, c.n));
      const value = armEventProbability(arm, 1, resolved.dropout, profile, c.tau);
      // Closed form for piecewise-exponential arms; the midpoint rule (4000 steps) for the Weibull arm.
      expect(Math.abs(value - c.value)).toBeLessThan(arm.hazard === null ? 1e-5 : 1e-13);
    });
  }
  it("armEventProbability of an exponential arm with uniform accrual is the textbook closed form, and the numeric path agrees", () => {
    const arm = weibullModel(12, 1);
    const profile = accrualProfile({ kind: "duration", months: 24, rampMonths: 0 }, 24);
    const closed = armEventProbability(arm, 1, { starts: [0], rates: [0.004] }, profile, 48);
    expect(closed).toBeCloseTo(exponentialEventProbability(Math.LN2 / 12, 0.004, 24, 48), 14);
    const numeric = armEventProbability({ ...arm, hazard: null }, 1, { starts: [0], rates: [0.004] }, profile, 48);
    expect(numeric).toBeCloseTo(closed, 6);
  });
  it("armEventProbability equals rpact's getEventProbabilities per arm (single-look fixtures)", () => {
    // Calls in test/fixtures/rpact/single-look.json (getEventProbabilities(time = analysisTime, ...)).
    for (const c of singleLookCases()) {
      const design = parseTrialDesign(c.design);
      const resolved = resolveDesign(design);
      const profile = accrualProfile(design.accrual, designAccrualMonths(design, design.n));
      expect(armEventProbability(resolved.arms[0], 1, resolved.dropout, profile, c.rpact.analysisTime)).toBeCloseTo(c.rpact.eventProbabilityControl, 8);
      expect(armEventProbability(resolved.arms[1], 1, resolved.dropout, profile, c.rpact.analysisTime)).toBeCloseTo(c.rpact.eventProbabilityTreatment, 8);
    }
  });
});
