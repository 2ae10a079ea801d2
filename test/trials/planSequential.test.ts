import { describe, expect, it } from "vitest";
import { parseSequentialSpec, parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { twoArmDesign } from "../../src/trials/twoArmDesign.js";
import { dropoutRateFromAnnualProportion } from "../../src/trials/TrialDesign.js";
import { groupSequentialSpecFor, planSequential } from "../../src/trials/planSequential.js";
import { analyticPower } from "../../src/trials/analyticPower.js";
import { resolveDesign } from "../../src/trials/resolveDesign.js";

const conversion = {
  arms: [{ label: "direct resection", median: 12 }, { label: "conversion then resection", median: 22 }],
  n: 120,
  accrual: { months: 24 },
  followUpMonths: 24,
  dropout: { annualProportion: 0.05 },
};

describe("planSequential(design, options)", () => {
  it("planSequential without a target power plans the design's n with the events expected at accrual + follow-up", () => {
    const design = parseTrialDesign({ ...conversion, sequential: { analyses: [0.5, 0.75, 1], futility: "obf" } });
    const plan = planSequential(design);
    expect(plan.mode).toBe("power");
    expect(plan.maxN).toBe(120);
    expect(plan.maxEvents).toBeCloseTo(analyticPower(resolveDesign(design), 120).expectedEvents, 12);
    expect(plan.looks[2].analysisTime).toBeCloseTo(48, 8);
    // A group-sequential design loses a little power against the single look at the same events.
    expect(plan.power).toBeLessThan(analyticPower(resolveDesign(design), 120).power);
    expect(plan.power).toBeGreaterThan(0.7);
  });
  it("planSequential with a target power sizes the trial (options override the block) and reaches it", () => {
    const design = parseTrialDesign({ ...conversion, sequential: { analyses: [0.5, 1], targetPower: 0.9 } });
    const at90 = planSequential(design);
    const at80 = planSequential(design, { targetPower: 0.8 });
    expect(at90.mode).toBe("sample-size");
    expect(at90.power).toBeCloseTo(0.9, 8);
    expect(at80.power).toBeCloseTo(0.8, 8);
    expect(at90.maxEvents).toBeGreaterThan(at80.maxEvents);
    expect(planSequential(design, { targetPower: null, n: 200 }).maxN).toBe(200);
  });
  it("groupSequentialSpecFor spends half the design's two-sided alpha one-sided (sided 1) and all of it two-sided", () => {
    const design = parseTrialDesign({ ...conversion, alpha: 0.05, sequential: { analyses: [0.5, 1] } });
    expect(groupSequentialSpecFor(design, design.sequential!)).toMatchObject({ alpha: 0.025, beta: 0.2, sided: 1 });
    expect(groupSequentialSpecFor(design, { ...design.sequential!, sided: 2 }, 0.9)).toMatchObject({ alpha: 0.05, beta: expect.closeTo(0.1, 15), sided: 2 });
  });
  it("planSequential of a design without a sequential block says so", () => {
    expect(() => planSequential(parseTrialDesign(conversion))).toThrow(/no sequential block/);
  });
});

describe("twoArmDesign({ …, sequential }) (the dashboards' path)", () => {
  it("twoArmDesign with a sequential block from parseSequentialSpec plans like the same design JSON", () => {
    const sequential = parseSequentialSpec({ analyses: [0.5, 0.75, 1], futility: "obf", targetPower: 0.8 }, "test");
    const fromOptions = planSequential(twoArmDesign({ medianControl: 12, medianTreatment: 22, n: 120, dropoutRate: dropoutRateFromAnnualProportion(0.05), sequential }));
    const fromJson = planSequential(parseTrialDesign({ ...conversion, sequential: { analyses: [0.5, 0.75, 1], futility: "obf", targetPower: 0.8 } }));
    expect(fromOptions.maxEvents).toBeCloseTo(fromJson.maxEvents, 12);
    expect(fromOptions.maxN).toBeCloseTo(fromJson.maxN, 9);
    expect("sequential" in twoArmDesign({ medianControl: 12, hazardRatio: 0.7 })).toBe(false);
  });
  it("parseSequentialSpec names the field of a bad block", () => {
    expect(() => parseSequentialSpec({ analyses: [0.5] }, "Power page")).toThrow(/Power page: invalid sequential design \(1 problem\)\n {2}- sequential\.analyses: the last analysis is the final one/);
  });
});
