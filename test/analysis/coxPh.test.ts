import { readFileSync } from "node:fs";
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

describe("coxPh on completely separated groups (R's step halving, 'Ran out of iterations', 'coefficient may be infinite')", () => {
  interface SeparationCase {
    name: string; ties: "efron" | "breslow"; time: number[]; event: number[]; group: string[];
    coefficient: number; standardError: number; logLikelihood: number[]; iterations: number; warnings: string[];
  }
  // written by test/fixtures/r/make-cox-separation-fixtures.R: coxph(Surv(time, event) ~ factor(group), ties = ties)
  const cases = JSON.parse(readFileSync(new URL("../fixtures/r/cox-separation/cases.json", import.meta.url), "utf8")) as SeparationCase[];
  for (const reference of cases) {
    const ranOut = reference.warnings.includes("Ran out of iterations and did not converge");
    const infinite = reference.warnings.some((w) => w.includes("coefficient may be infinite"));
    it(`coxPh(time, event, {group}, {ties: "${reference.ties}"}) matches coxph's estimate, iterations and ${ranOut ? "'Ran out of iterations'" : "'coefficient may be infinite'"} on ${reference.name}`, () => {
      const result = coxPh(reference.time, reference.event, { group: reference.group }, { ties: reference.ties });
      // the iterate R stops at, step for step (one Newton step more or less moves the coefficient by about 1)
      expect(result.iterations).toBe(reference.iterations);
      expect(result.coefficients[0]).toBeCloseTo(reference.coefficient, 6);
      // the variance is ~1/exp(-β): equal to R's in 7 significant digits
      expect(Math.abs(result.standardErrors[0]! / reference.standardError - 1)).toBeLessThan(1e-6);
      expect(result.logLikelihood[0]).toBeCloseTo(reference.logLikelihood[0]!, 9);
      expect(result.logLikelihood[1]).toBeCloseTo(reference.logLikelihood[1]!, 8);
      expect(result.converged).toBe(!ranOut);
      expect(result.possiblyInfinite).toEqual(infinite ? [0] : []);
    });
  }
});
