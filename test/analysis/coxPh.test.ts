import { describe, expect, it } from "vitest";
import { coxPh } from "../../src/analysis/coxPh.js";
import { logRank } from "../../src/analysis/logRank.js";
import { expectColumn, expectNumber, rFixture, rFixtures } from "./rFixtures.js";

describe("coxPh", () => {
  for (const fixture of rFixtures()) {
    for (const reference of fixture.cox) {
      const covariates = Array.isArray(reference.terms) ? reference.terms.filter((t) => t !== "group") : [];
      const formula = `factor(group)${covariates.map((c) => ` + ${c}`).join("")}${reference.stratified ? " + strata(strata)" : ""}`;
      // R: coxph(Surv(time, event) ~ <formula>, ties = ties); summary(fit)
      it(`coxPh(time, event, {group${covariates.length ? ", covariates" : ""}}, {ties: "${reference.ties}"${reference.stratified ? ", strata" : ""}}) matches coxph(Surv(time, event) ~ ${formula}) on ${fixture.name}`, () => {
        const { time, event, group, strata } = fixture.data;
        const result = coxPh(
          time,
          event,
          { group, covariates: Object.fromEntries(covariates.map((c) => [c, fixture.data[c] as number[]])) },
          { ties: reference.ties, strata: reference.stratified ? strata : undefined },
        );
        expect(result.iterations).toBe(reference.iterations);
        expectColumn("coefficients", result.coefficients, reference.coefficients);
        expectColumn("standardErrors", result.standardErrors, reference.standardErrors);
        expectColumn("hazardRatios", result.hazardRatios, reference.hazardRatios);
        expectColumn("lower", result.lower, reference.lower);
        expectColumn("upper", result.upper, reference.upper);
        expectColumn("z", result.z, reference.z);
        expectColumn("p", result.p, reference.p);
        expectColumn("logLikelihood", result.logLikelihood, reference.logLikelihood);
        for (const test of ["likelihoodRatio", "wald", "score"] as const) {
          expectNumber(`${test} statistic`, result[test].statistic, reference[test].statistic);
          expect(result[test].df).toBe(reference[test].df);
          expectNumber(`${test} p`, result[test].p, reference[test].p);
        }
      });
    }
  }

  it("coxPh(time, event, {group}) score test equals the log-rank test without ties (Breslow)", () => {
    const time = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const event = [1, 1, 0, 1, 1, 1, 0, 1, 1, 1];
    const group = ["a", "b", "a", "b", "a", "a", "b", "b", "a", "b"];
    const cox = coxPh(time, event, { group }, { ties: "breslow" });
    expect(Math.abs(cox.score.statistic - logRank(time, event, group).chiSquare)).toBeLessThan(1e-12);
  });

  it("coxPh(time, event, {group}) on the 6-MP data gives the textbook hazard ratio 4.82 placebo vs 6-MP (Kleinbaum & Klein)", () => {
    const fixture = rFixture("freireich");
    const result = coxPh(fixture.data.time, fixture.data.event, { group: fixture.data.group });
    expect(result.referenceGroup).toBe("6-MP");
    expect(result.terms).toEqual(["group=placebo"]);
    expect(result.hazardRatios[0]!.toFixed(2)).toBe("4.82");
  });

  it("coxPh(time, event, {}) rejects a model without terms", () => {
    expect(() => coxPh([1, 2], [1, 1], {})).toThrow("coxPh requires at least one term");
  });
});
