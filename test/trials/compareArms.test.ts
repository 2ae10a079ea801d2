import { describe, expect, it } from "vitest";
import { coxPh } from "../../src/analysis/coxPh.js";
import { kaplanMeierByGroup } from "../../src/analysis/kaplanMeier.js";
import { logRank } from "../../src/analysis/logRank.js";
import { rmstDifference } from "../../src/analysis/rmst.js";
import { subStream } from "../../src/random/randomSource.js";
import { compareArms, ComparisonWorkspace } from "../../src/trials/compareArms.js";
import { generateTrial } from "../../src/trials/generateTrial.js";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { resolveDesign } from "../../src/trials/resolveDesign.js";

const arms = [{ label: "c", median: 12 }, { label: "t", median: 20 }, { label: "u", hazardRatio: 0.8 }];

function comparison(test: unknown, strata?: unknown) {
  const resolved = resolveDesign(parseTrialDesign({ arms, n: 240, test, ...(strata === undefined ? {} : { strata }) }));
  const trial = generateTrial(resolved, 240, 24, subStream(9, "trial", 0));
  const workspace = new ComparisonWorkspace(240).fill(trial, 1);
  const time = Array.from(workspace.time.subarray(0, workspace.length));
  const event = Array.from(workspace.status.subarray(0, workspace.length));
  const group = Array.from(workspace.group.subarray(0, workspace.length));
  const stratum = Array.from(workspace.stratum.subarray(0, workspace.length));
  return { outcome: compareArms(resolved, workspace), time, event, group, stratum, resolved };
}

describe("compareArms(resolved, workspace)", () => {
  it("compareArms (log-rank) keeps arms 0 and 1 only and agrees with logRank, coxPh and kaplanMeierByGroup", () => {
    const { outcome, time, event, group } = comparison("logrank");
    expect(group.length).toBe(160);
    expect(outcome.z * outcome.z).toBeCloseTo(logRank(time, event, group).chiSquare, 8);
    expect(outcome.hazardRatio).toBeCloseTo(coxPh(time, event, { group }).hazardRatios[0], 8);
    const [control, treatment] = kaplanMeierByGroup(time, event, group);
    expect(outcome.medianControl).toBe(control.km.median.estimate);
    expect(outcome.medianTreatment).toBe(treatment.km.median.estimate);
    expect(outcome.events).toBe(event.reduce((a, b) => a + b, 0));
  });
  it("compareArms (stratified log-rank) agrees with logRank with strata", () => {
    const { outcome, time, event, group, stratum } = comparison("stratified-logrank", [{ label: "a", proportion: 1, hazardMultiplier: 0.5 }, { label: "b", proportion: 1, hazardMultiplier: 2 }]);
    expect(outcome.z * outcome.z).toBeCloseTo(logRank(time, event, group, { strata: stratum }).chiSquare, 8);
  });
  it("compareArms (cox-wald) gives coxPh's Wald z", () => {
    const { outcome, time, event, group } = comparison("cox-wald");
    expect(outcome.z).toBeCloseTo(coxPh(time, event, { group }).z[0], 8);
  });
  it("compareArms (rmst) gives minus rmstDifference's z at tau", () => {
    const { outcome, time, event, group, resolved } = comparison({ type: "rmst", tau: 30 });
    const reference = rmstDifference(time, event, group, 30).difference;
    expect(outcome.z).toBeCloseTo(-reference.estimate / reference.stdErr, 8);
    expect(resolved.criticalZ).toBeCloseTo(2.241403, 5); // three arms: Bonferroni, two-sided 0.025
    expect(outcome.reject).toBe(Math.abs(outcome.z) > resolved.criticalZ);
  });
});
