import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../src/analysis/kaplanMeier.js";
import { survivalQuantile } from "../../src/analysis/survivalQuantile.js";
import { expectNumber, rFixtures, subset } from "./rFixtures.js";

// R: quantile(survfit(Surv(time, event) ~ 1, conf.type = type, conf.int = level), probs = c(0.1, 0.25, 0.5, 0.75, 0.9))
describe("survivalQuantile", () => {
  for (const fixture of rFixtures()) {
    for (const reference of fixture.km) {
      it(`survivalQuantile(km, p) matches quantile.survfit on ${fixture.name}, group ${reference.group}, ${reference.confType} ${reference.confLevel}`, () => {
        const { time, event } = subset(fixture, reference.group);
        const km = kaplanMeier(time, event, { confType: reference.confType, confLevel: reference.confLevel });
        reference.quantiles.p.forEach((p, i) => {
          const q = survivalQuantile(km, p);
          expectNumber(`q${p} estimate`, q.estimate, reference.quantiles.estimate[i]!);
          expectNumber(`q${p} lower`, q.lower, reference.quantiles.lower[i]!);
          expectNumber(`q${p} upper`, q.upper, reference.quantiles.upper[i]!);
        });
      });
    }
  }

  it("survivalQuantile(km, 0.5) takes the midpoint of a flat segment at one half, unlike print's median", () => {
    // R: quantile(survfit(Surv(c(1,2,3,4), c(1,1,0,0)) ~ 1), 0.5) is 3; print() reports 2.
    const km = kaplanMeier([1, 2, 3, 4], [1, 1, 0, 0]);
    expect(survivalQuantile(km, 0.5).estimate).toBe(3);
    expect(km.median.estimate).toBe(2);
  });

  it("survivalQuantile(km, p) rejects p outside [0, 1]", () => {
    expect(() => survivalQuantile(kaplanMeier([1], [1]), 1.5)).toThrow("survivalQuantile: p must be in [0, 1], got 1.5");
  });
});
