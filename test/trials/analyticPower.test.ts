import { describe, expect, it } from "vitest";
import { analyticPower } from "../../src/trials/analyticPower.js";
import { exponentialEventProbability } from "../../src/trials/eventProbability.js";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { resolveDesign } from "../../src/trials/resolveDesign.js";
import { schoenfeldEvents, schoenfeldPower } from "../../src/trials/schoenfeld.js";
import { twoArmDesign } from "../../src/trials/twoArmDesign.js";

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
});
