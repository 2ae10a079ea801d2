import { describe, it } from "vitest";
import { kaplanMeier } from "../../src/analysis/kaplanMeier.js";
import { rmst, rmstDifference, rmstFromKaplanMeier } from "../../src/analysis/rmst.js";
import { expectNumber, rFixtures, subset } from "./rFixtures.js";

describe("rmst", () => {
  for (const fixture of rFixtures()) {
    for (const reference of fixture.km.filter((r) => r.confType === "log" && r.confLevel === 0.95)) {
      // R: print(survfit(Surv(time, event) ~ 1), rmean = tau)   (survival:::survmean)
      it(`rmst(time, event, ${reference.rmean.tau}) matches print(survfit, rmean = ${reference.rmean.tau}) on ${fixture.name}, group ${reference.group}`, () => {
        const { time, event } = subset(fixture, reference.group);
        if (time.length === 0) return;
        const result = rmst(time, event, reference.rmean.tau);
        expectNumber("rmean", result.estimate, reference.rmean.estimate);
        expectNumber("se(rmean)", result.stdErr, reference.rmean.stdErr);
        const fromCurve = rmstFromKaplanMeier(kaplanMeier(time, event), reference.rmean.tau);
        expectNumber("rmstFromKaplanMeier", fromCurve.estimate, reference.rmean.estimate);
      });
    }
    const reference = fixture.rmst;
    if (reference === null) continue;
    // R: survRM2::rmst2(time, status, arm, tau), computed by its documented formula in make-fixtures.R (rmst1, rmst2)
    it(`rmstDifference(time, event, group, ${reference.tau}) matches survRM2 rmst2 on ${fixture.name}`, () => {
      const { time, event, group } = fixture.data;
      const result = rmstDifference(time, event, group, reference.tau);
      result.arms.forEach((arm, i) => {
        const expected = reference.arms[i]!;
        expectNumber(`arm ${i} rmst`, arm.estimate, expected.estimate);
        expectNumber(`arm ${i} se`, arm.stdErr, expected.stdErr);
        expectNumber(`arm ${i} lower`, arm.lower, expected.lower);
        expectNumber(`arm ${i} upper`, arm.upper, expected.upper);
      });
      for (const key of ["estimate", "stdErr", "lower", "upper", "p"] as const) expectNumber(`difference ${key}`, result.difference[key], reference.difference[key]);
      for (const key of ["estimate", "lower", "upper", "p"] as const) expectNumber(`ratio ${key}`, result.ratio[key], reference.ratio[key]);
    });
  }
});
