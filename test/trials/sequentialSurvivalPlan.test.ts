import { describe, expect, it } from "vitest";
import { groupSequentialDesign } from "../../src/trials/groupSequentialDesign.js";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { planSequential } from "../../src/trials/planSequential.js";
import { resolveDesign } from "../../src/trials/resolveDesign.js";
import { sequentialSurvivalPlan } from "../../src/trials/sequentialSurvivalPlan.js";
import { isInputError } from "../../src/util/InputError.js";
import { expectClose, harmfulSampleSizeCase, sequentialCases } from "./rpactFixtures.js";

// Reference: rpact 3.3.4, test/fixtures/rpact/make-fixtures.R (LC_ALL=C Rscript test/fixtures/rpact/make-fixtures.R).
// Each case's R call is in its title (from the fixture's `call`).
describe("sequentialSurvivalPlan(resolved, design, request) equals rpact's getSampleSizeSurvival / getPowerSurvival", () => {
  for (const c of sequentialCases()) {
    it(`sequentialSurvivalPlan (${c.id}) equals ${c.call}`, () => {
      const plan = planSequential(parseTrialDesign(c.design, c.id));
      const r = c.rpact;
      expect(plan.mode).toBe(c.mode);
      const looks = plan.looks;
      const interim = looks.slice(0, -1);
      // The quantities of the "done when", to 1e-6 absolute.
      expectClose("maxNumberOfEvents", [plan.maxEvents], [r.maxNumberOfEvents], 1e-6);
      expectClose("eventsPerStage", looks.map((look) => look.events), r.eventsPerStage, 1e-6);
      expectClose("maxNumberOfSubjects", [plan.maxN], [r.maxNumberOfSubjects], c.tolerance.maxN ?? 1e-6);
      expectClose("expectedEventsH1", [plan.expectedEvents.h1], [r.expectedEventsH1], 1e-6);
      if (r.expectedEventsH0 !== null) expectClose("expectedEventsH0", [plan.expectedEvents.h0], [r.expectedEventsH0], 1e-6);
      if (r.rejectPerStage !== null) expectClose("rejectPerStage", looks.map((look) => look.rejection), r.rejectPerStage, 1e-6);
      if (r.futilityPerStage !== null) expectClose("futilityPerStage", interim.map((look) => look.futility), r.futilityPerStage, 1e-6);
      if (r.overallReject !== null) expectClose("overallReject", [plan.power], [r.overallReject], 1e-6);
      // Effect scale: rpact lists the smaller hazard ratio as "lower": the efficacy (benefit) bound, whatever the design's effect.
      const sided = (c.design.sequential as { sided: number }).sided;
      if (sided === 1) expectClose("criticalValuesEffectScale", looks.map((look) => look.efficacyHazardRatio), r.criticalValuesEffectScale, 1e-6);
      else {
        expectClose("criticalValuesEffectScaleLower", looks.map((look) => look.efficacyHazardRatio), r.criticalValuesEffectScaleLower as number[], 1e-6);
        expectClose("criticalValuesEffectScaleUpper", looks.map((look) => look.harmHazardRatio as number), r.criticalValuesEffectScale, 1e-6);
      }
      if (r.futilityBoundsEffectScale !== null) expectClose("futilityBoundsEffectScale", interim.map((look) => look.futilityHazardRatio as number), r.futilityBoundsEffectScale, 1e-6);
      // Calendar quantities: rpact finds analysis times with uniroot(tol = 1e-6).
      expectClose("analysisTime", looks.map((look) => look.analysisTime), r.analysisTime, c.tolerance.time ?? 1e-6);
      if (looks.length > 1) expectClose("numberOfSubjects", looks.map((look) => look.patients), r.numberOfSubjects, c.tolerance.patients ?? 1e-6);
      if (r.studyDuration !== null) expectClose("studyDuration", [plan.expectedDuration.h1], [r.studyDuration], c.tolerance.time ?? 1e-6);
      if (r.expectedNumberOfSubjectsH1 !== null) expectClose("expectedNumberOfSubjectsH1", [plan.expectedN.h1], [r.expectedNumberOfSubjectsH1], c.tolerance.patients ?? 1e-6);
    });
  }

  it("sequentialSurvivalPlan in power mode at the sample-size plan's n and events gives back the target power", () => {
    const design = parseTrialDesign(sequentialCases()[2].design);
    const sized = planSequential(design);
    const resolved = resolveDesign(design);
    const again = sequentialSurvivalPlan(resolved, sized.design, { kind: "power", n: sized.maxN, maxEvents: sized.maxEvents });
    expect(again.power).toBeCloseTo(0.8, 8);
    expect(again.looks.map((look) => look.analysisTime)).toEqual(sized.looks.map((look) => expect.closeTo(look.analysisTime, 6)));
  });

  it("sequentialSurvivalPlan of the conversion-therapy question: H0 looks come earlier (both arms have the control's hazard) and stop less often", () => {
    const plan = planSequential(parseTrialDesign(sequentialCases()[2].design));
    for (const look of plan.looks.slice(0, -1)) expect(look.analysisTimeH0).toBeLessThan(look.analysisTime);
    expect(plan.null.cumulativeRejection[2]).toBeLessThan(0.025);
    expect(plan.expectedEvents.h0).toBeLessThan(plan.maxEvents);
    expect(plan.expectedDuration.h1).toBeLessThan(48);
  });

  it("sequentialSurvivalPlan for a harmful treatment, one-sided: the power of the benefit test (below alpha) equals rpact's getPowerSurvival(…, directionUpper = FALSE) to 1e-6 relative", () => {
    // The fixture loop checks 1e-6 absolute, which a power of 1e-7 would pass as 0; here relative.
    const harmful = sequentialCases().filter((c) => c.id.startsWith("harmful") && c.mode === "power" && (c.design.sequential as { sided: number }).sided === 1);
    expect(harmful.length).toBe(2);
    for (const c of harmful) {
      const plan = planSequential(parseTrialDesign(c.design, c.id));
      expect(plan.hazardRatio).toBeGreaterThan(1);
      expect(plan.power).toBeLessThan(0.025);
      expectClose(`overallReject (${c.call})`, [plan.power / (c.rpact.overallReject as number)], [1], 1e-6);
      if (c.rpact.rejectPerStage !== null) expectClose(`rejectPerStage (${c.call})`, plan.looks.map((look, k) => look.rejection / (c.rpact.rejectPerStage as number[])[k]), plan.looks.map(() => 1), 1e-6);
      for (const look of plan.looks) expect(look.efficacyHazardRatio).toBeLessThan(1);
    }
  });

  it("planSequential refuses a one-sided sample size for a harmful treatment, naming sequential.targetPower; rpact's getSampleSizeSurvival plans a test for harm instead", () => {
    // d <- getDesignGroupSequential(informationRates = c(0.5, 0.75, 1), alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF");
    // getSampleSizeSurvival(d, median1 = 12, median2 = 22, accrualTime = c(0, 24), followUpTime = 24, dropoutRate1 = 0.05, dropoutRate2 = 0.05, dropoutTime = 12)
    const c = harmfulSampleSizeCase();
    try {
      planSequential(parseTrialDesign(c.design));
      throw new Error("expected an InputError");
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      expect((error as Error).message).toMatch(/sequential\.targetPower \(--target-power\): the one-sided test is for a benefit .* hazard ratio is 1\.833 > 1/);
    }
    // rpact's answer is the mirrored beneficial design's (the arms swapped, bounds above 1): a test for harm,
    // which is what the same design with the arms' labels swapped plans here.
    expect(c.rpact.maxNumberOfEvents).toBeCloseTo(c.mirror.maxNumberOfEvents, 9);
    for (const hr of c.rpact.criticalValuesEffectScale) expect(hr).toBeGreaterThan(1);
    const arms = c.design.arms as unknown[];
    const swapped = planSequential(parseTrialDesign({ ...c.design, arms: [arms[1], arms[0]] }));
    expectClose("maxNumberOfEvents (arms swapped)", [swapped.maxEvents], [c.rpact.maxNumberOfEvents], 1e-6);
    expectClose("maxNumberOfSubjects (arms swapped)", [swapped.maxN], [c.rpact.maxNumberOfSubjects], 1e-6);
    expectClose("criticalValuesEffectScale (1 / ours)", swapped.looks.map((look) => 1 / look.efficacyHazardRatio), c.rpact.criticalValuesEffectScale, 1e-6);
  });

  it("sequentialSurvivalPlan refuses three arms, an RMST test and equal arms with a message naming the field", () => {
    const bounds = groupSequentialDesign({ informationRates: [0.5, 1], alpha: 0.025, beta: 0.2, sided: 1, efficacy: { kind: "spending", family: "obf", gamma: 0 }, futility: null });
    const three = parseTrialDesign({ arms: [{ label: "a", median: 12 }, { label: "b", median: 20 }, { label: "c", median: 24 }], test: { type: "rmst", tau: 24 } });
    try {
      sequentialSurvivalPlan(resolveDesign(three), bounds, { kind: "sample-size" });
      throw new Error("expected an InputError");
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      expect((error as Error).message).toMatch(/arms: a group-sequential design compares two arms, got 3/);
      expect((error as Error).message).toMatch(/test: .*rmst is not supported/);
    }
    const equal = parseTrialDesign({ arms: [{ label: "a", median: 12 }, { label: "b", median: 12 }] });
    expect(() => sequentialSurvivalPlan(resolveDesign(equal), bounds, { kind: "sample-size" })).toThrow(/hazard ratio 1/);
  });
});
