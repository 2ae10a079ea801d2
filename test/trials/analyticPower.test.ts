import { describe, expect, it } from "vitest";
import { analyticPower } from "../../src/trials/analyticPower.js";
import { exponentialEventProbability } from "../../src/trials/eventProbability.js";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { resolveDesign } from "../../src/trials/resolveDesign.js";
import { schoenfeldEvents, schoenfeldPower } from "../../src/trials/schoenfeld.js";
import { twoArmDesign } from "../../src/trials/twoArmDesign.js";
import { expectClose, singleLookCases } from "./rpactFixtures.js";

describe("analyticPower(resolved, n, targetPower)", () => {
  it("analyticPower of 12 vs 22 months: HR 12/22, events from the closed-form event probabilities, Schoenfeld's power and n", () => {
    const analytic = analyticPower(resolveDesign(twoArmDesign({ medianControl: 12, medianTreatment: 22, n: 120, dropoutRate: 0.004 })), 120);
    const comparison = analytic.comparisons[0];
    expect(comparison.hazardRatio).toBeCloseTo(12 / 22, 12);
    expect(comparison.proportionalHazards).toBe(true);
    const control = exponentialEventProbability(Math.LN2 / 12, 0.004, 24, 48);
    const treatment = exponentialEventProbability(Math.LN2 / 22, 0.004, 24, 48);
    expect(comparison.expectedEvents).toBeCloseTo(60 * control + 60 * treatment, 4);
    expect(comparison.schoenfeld.power).toBeCloseTo(schoenfeldPower(comparison.expectedEvents, 12 / 22, 0.05, 0.5), 10);
    expect(comparison.schoenfeld.events).toBeCloseTo(schoenfeldEvents(12 / 22, 0.05, 0.8, 0.5), 10);
    expect(comparison.schoenfeld.n).toBe(Math.ceil(comparison.schoenfeld.events / ((control + treatment) / 2)));
    expect(analytic.analysisTime).toBe(48);
  });
  it("analyticPower of Weibull arms with the same shape is PH with HR (m0/m1)^shape", () => {
    const design = parseTrialDesign({ arms: [{ label: "c", median: 12, shape: 1.5 }, { label: "t", median: 18, shape: 1.5 }] });
    const comparison = analyticPower(resolveDesign(design), 200).comparisons[0];
    expect(comparison.proportionalHazards).toBe(true);
    expect(comparison.hazardRatio).toBeCloseTo((12 / 18) ** 1.5, 12);
  });
  it("analyticPower of crossing Weibull hazards reports a range of hazard ratios straddling the average", () => {
    const design = parseTrialDesign({ arms: [{ label: "c", median: 12, shape: 1 }, { label: "t", median: 16, shape: 2 }] });
    const comparison = analyticPower(resolveDesign(design), 200).comparisons[0];
    expect(comparison.proportionalHazards).toBe(false);
    expect(comparison.hazardRatioRange[0]).toBeLessThan(comparison.hazardRatio);
    expect(comparison.hazardRatioRange[1]).toBeGreaterThan(1);
  });
  it("analyticPower of an event-driven design finds the month when the target events are expected", () => {
    const design = parseTrialDesign({ arms: [{ label: "c", median: 12 }, { label: "t", median: 12 }], n: 200, accrual: { months: 0 }, targetEvents: 100 });
    // All enter at 0, exponential median 12: half have had the event at month 12.
    expect(analyticPower(resolveDesign(design), 200).analysisTime).toBeCloseTo(12, 6);
  });
  it("analyticPower(12 vs 22 months, n 120, 24 + 24 months) matches R to 1e-6 (1:1 and 2:1)", () => {
    // Rscript -e 'hr <- 12/22; z <- qnorm(.975)
    //   pe <- function(m) { l <- log(2)/m; 1 - (exp(-l*24) - exp(-l*48)) / (l*24) }   # uniform accrual 24, analysis at 48
    //   d <- 60*pe(12) + 60*pe(22); dS <- sqrt(d*.25)*abs(log(hr)); dF <- sqrt(d)*(1-hr)/(1+hr)
    //   c(pe(12), pe(22), d, pnorm(dS-z)+pnorm(-dS-z), pnorm(dF-z)+pnorm(-dF-z))
    //   d2 <- 40*pe(12) + 80*pe(22); dS2 <- sqrt(d2*2/9)*abs(log(hr)); c(d2, pnorm(dS2-z)+pnorm(-dS2-z))'
    // 0.864747339917 0.670615402924 92.1217645704 0.828660823996 0.805926536604 / 88.2391258306 0.765502220055
    const oneToOne = analyticPower(resolveDesign(twoArmDesign({ medianControl: 12, medianTreatment: 22, n: 120 })), 120).comparisons[0];
    expect(oneToOne.eventProbabilityControl).toBeCloseTo(0.864747339917, 6);
    expect(oneToOne.eventProbabilityTreatment).toBeCloseTo(0.670615402924, 6);
    expect(oneToOne.expectedEvents).toBeCloseTo(92.1217645704, 4);
    expect(oneToOne.schoenfeld.power).toBeCloseTo(0.828660823996, 6);
    expect(oneToOne.freedman.power).toBeCloseTo(0.805926536604, 6);
    const twoToOne = analyticPower(resolveDesign(twoArmDesign({ medianControl: 12, medianTreatment: 22, n: 120, allocation: 2 })), 120).comparisons[0];
    expect(twoToOne.expectedEvents).toBeCloseTo(88.2391258306, 4);
    expect(twoToOne.schoenfeld.power).toBeCloseTo(0.765502220055, 6);
  });
});

// Reference: rpact 3.3.4 getEventProbabilities + getPowerSurvival with a one-look two-sided design,
// test/fixtures/rpact/make-fixtures.R; the R call is in each title.
describe("analyticPower(resolved, n) equals rpact's getPowerSurvival for one look, with accrual and dropout", () => {
  for (const c of singleLookCases()) {
    it(`analyticPower (${c.id}) equals ${c.call}`, () => {
      const design = parseTrialDesign(c.design, c.id);
      const analytic = analyticPower(resolveDesign(design), design.n);
      const r = c.rpact;
      expectClose("accrual months", [analytic.accrualMonths], [r.accrualMonths], 1e-9);
      // rpact's getPowerSurvival finds the analysis month with uniroot(tol = 1e-6).
      expectClose("analysisTime", [analytic.analysisTime], [r.analysisTime], 1e-6);
      expectClose("eventProbability", [analytic.eventProbability], [r.eventProbability], 1e-6);
      expectClose("eventProbability by arm", [analytic.comparisons[0].eventProbabilityTreatment, analytic.comparisons[0].eventProbabilityControl], [r.eventProbabilityTreatment, r.eventProbabilityControl], 1e-6);
      expectClose("events", [analytic.events], [r.events], 1e-6);
      expectClose("power", [analytic.power], [r.power], 1e-6);
      expect(analytic.events).toBe(analytic.expectedEvents);
    });
  }
});
