import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { isInputError, type InputError } from "../../src/util/InputError.js";

const minimal = { arms: [{ label: "control", median: 12 }, { label: "treatment", median: 22 }] };

function problemsOf(json: unknown): readonly string[] {
  try {
    parseTrialDesign(json, "test.json");
  } catch (error) {
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^test\.json: invalid trial design/);
    return (error as InputError).problems;
  }
  throw new Error("expected an InputError");
}

describe("parseTrialDesign(json, source)", () => {
  it("parseTrialDesign(minimal) fills the documented defaults", () => {
    const design = parseTrialDesign(minimal);
    expect(design).toMatchObject({ n: 200, followUpMonths: 24, targetEvents: null, alpha: 0.05, sims: 2000, seed: 1, multiplicity: "bonferroni", strata: [] });
    expect(design.accrual).toEqual({ kind: "duration", months: 24, rampMonths: 0 });
    expect(design.dropout).toEqual({ ratePerMonth: 0 });
    expect(design.test).toEqual({ kind: "logrank" });
    expect(design.arms[1]).toEqual({ label: "treatment", allocation: 1, survival: { kind: "weibull", median: 22, shape: 1 } });
  });
  it("parseTrialDesign reads a dropout annualProportion p as the rate −ln(1 − p)/12 per month", () => {
    expect(parseTrialDesign({ ...minimal, dropout: { annualProportion: 0.1 } }).dropout.ratePerMonth).toBeCloseTo(-Math.log(0.9) / 12, 14);
  });
  it("parseTrialDesign reads rate accrual with a ramp, rmst with tau, strata, mixtures and hazard ratios", () => {
    const design = parseTrialDesign({
      arms: [{ label: "a", median: 12, shape: 1.3 }, { label: "b", hazardRatio: 0.7, allocation: 2 }, { label: "c", mixture: [{ weight: 1, median: 30 }, { weight: 1, median: 8 }] }],
      accrual: { ratePerMonth: 10, rampMonths: 6 },
      strata: [{ label: "G1", proportion: 0.4, hazardMultiplier: 0.6 }, { label: "G2", proportion: 0.6 }],
      test: { type: "rmst", tau: 36 },
      seed: "abc",
    });
    expect(design.accrual).toEqual({ kind: "rate", perMonth: 10, rampMonths: 6 });
    expect(design.test).toEqual({ kind: "rmst", tau: 36 });
    expect(design.strata[1]).toEqual({ label: "G2", proportion: 0.6, hazardMultiplier: 1 });
    expect(design.arms[2].survival).toEqual({ kind: "mixture", components: [{ weight: 1, median: 30, shape: 1 }, { weight: 1, median: 8, shape: 1 }] });
    expect(design.seed).toBe("abc");
  });
  it("parseTrialDesign reads strategy arms (endpoint pfs by default) and the scenario", () => {
    const design = parseTrialDesign({ scenario: "default", arms: [{ label: "a", strategy: "upfront-surgery" }, { label: "b", strategy: "conversion-first", endpoint: "os" }] });
    expect(design.scenario).toBe("default");
    expect(design.arms.map((arm) => arm.survival)).toEqual([
      { kind: "strategy", strategy: "upfront-surgery", endpoint: "pfs" },
      { kind: "strategy", strategy: "conversion-first", endpoint: "os" },
    ]);
  });
  it("parseTrialDesign reports every problem with its field path", () => {
    const problems = problemsOf({
      arms: [{ label: "control", hazardRatio: 0.5 }, { label: "t", median: -3 }, { label: "t", median: 5, hazardRatio: 0.5 }],
      n: 10.5,
      accrual: { months: 24, ratePerMonth: 3 },
      dropout: { annualProportion: 1.5 },
      test: "wilcoxon",
      alpha: 0,
      sims: 0,
      extra: true,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "arms[0].hazardRatio: the control arm (arms[0]) needs a median or a mixture, not a hazard ratio",
        "arms[1].median: expected a positive number, got -3",
        "arms[2]: expected exactly one of median, hazardRatio, mixture, strategy, got median and hazardRatio",
        "n: expected an integer >= 2, got 10.5",
        "accrual: expected exactly one of months (duration) and ratePerMonth",
        "dropout.annualProportion: expected a number >= 0 < 1, got 1.5",
        "test.type: expected one of logrank, stratified-logrank, cox-wald, rmst, got \"wilcoxon\"",
        "alpha: expected a number > 0 < 1, got 0",
        "sims: expected an integer >= 1, got 0",
        expect.stringMatching(/^extra: unknown field/),
      ]),
    );
  });
  it("parseTrialDesign rejects one arm, a stratified test without strata, strategy arms (not yet), rmst without tau", () => {
    expect(problemsOf({ arms: [{ label: "a", median: 1 }] })[0]).toMatch(/^arms: expected an array of at least two arms/);
    expect(problemsOf({ ...minimal, test: "stratified-logrank" })).toContain("test: stratified-logrank needs strata");
    expect(problemsOf({ arms: [{ label: "a", median: 12 }, { label: "b", treatment: "captem" }] })[0]).toMatch(/^arms\[1\]\.treatment: a single treatment has no pathway/);
    expect(problemsOf({ arms: [{ label: "a", median: 12 }, { label: "b", strategy: "x", endpoint: "dfs" }] })).toContain('arms[1].endpoint: expected one of pfs, os, got "dfs"');
    expect(problemsOf({ ...minimal, test: { type: "rmst" } })).toContain("test.tau: expected a positive number, got nothing");
    expect(problemsOf({ ...minimal, targetEvents: 500, n: 100 })).toContain("targetEvents: expected at most n = 100, got 500");
    expect(problemsOf([1, 2])).toEqual(["(design): expected an object, got [1,2]"]);
  });
  it("parseTrialDesign accepts every design in data/designs/", () => {
    const folder = new URL("../../data/designs/", import.meta.url);
    const files = readdirSync(folder).filter((file) => file.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) expect(() => parseTrialDesign(JSON.parse(readFileSync(new URL(file, folder), "utf8")), file)).not.toThrow();
  });
  // Regression: accrual 0 months with 0 months' follow-up was accepted; every trial was analysed at month 0
  // with no events, and the output showed "n Infinity" for Schoenfeld's sample size.
  it("parseTrialDesign rejects an analysis at month 0 (no accrual time, no follow-up, no target events)", () => {
    expect(problemsOf({ ...minimal, accrual: { months: 0 }, followUpMonths: 0 })).toEqual(["followUpMonths: expected a number > 0 when accrual.months is 0 (the analysis would be at month 0, before any event)"]);
    expect(parseTrialDesign({ ...minimal, accrual: { months: 0 }, followUpMonths: 0, targetEvents: 50 }).targetEvents).toBe(50);
    expect(parseTrialDesign({ ...minimal, accrual: { months: 0 }, followUpMonths: 6 }).followUpMonths).toBe(6);
  });
});
