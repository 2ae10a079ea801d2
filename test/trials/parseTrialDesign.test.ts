import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { dropoutRateFromAnnualProportion } from "../../src/trials/TrialDesign.js";
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
        "arms[2]: expected exactly one of median, hazardRatio, piecewise, mixture, strategy, got median and hazardRatio",
        "n: expected an integer >= 2 and <= 200000, got 10.5",
        "accrual: expected exactly one of months (duration) and ratePerMonth",
        "dropout.annualProportion: expected a number >= 0 and < 1, got 1.5",
        "test.type: expected one of logrank, stratified-logrank, cox-wald, rmst, got \"wilcoxon\"",
        "alpha: expected a number > 0 and < 1, got 0",
        "sims: expected an integer >= 1 and <= 1000000, got 0",
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
    expect(problemsOf([1, 2])).toEqual(["(design): expected an object, got an array"]);
  });
  it("parseTrialDesign refuses __proto__ keys, names 1e400 as non-finite and suggests near-miss keys", () => {
    expect(problemsOf(JSON.parse('{"arms": [{"label": "a", "median": 12}, {"label": "b", "median": 20, "__proto__": {"x": 1}}]}'))).toEqual(["arms[1].__proto__: key not allowed (it could reach the object's prototype)"]);
    expect(problemsOf(JSON.parse('{"arms": [{"label": "a", "median": 1e400}, {"label": "b", "median": 20}]}'))).toEqual(["arms[0].median: expected a positive number, got Infinity (a number too large for a double, e.g. 1e400)"]);
    expect(problemsOf({ ...minimal, folowUpMonths: 12 })).toEqual(["folowUpMonths: unknown field; did you mean 'followUpMonths'?"]);
    const deep = JSON.parse(`${"[".repeat(4500)}${"]".repeat(4500)}`);
    expect(problemsOf({ ...minimal, strata: deep, sequential: { analyses: deep } })).toEqual([
      "strata[0]: expected an object, got an array",
      "sequential.analyses: expected 1 to 20 information rates (shares of the maximum events), e.g. [0.5, 0.75, 1], got an array",
    ]);
    expect(problemsOf({ arms: deep })).toEqual(["arms: expected an array of at least two arms (the first is the control), got an array"]);
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

  it("parseTrialDesign reads piecewise-exponential arms, delayed effects, piecewise accrual and piecewise dropout", () => {
    const design = parseTrialDesign({
      arms: [
        { label: "control", piecewise: [{ fromMonth: 0, ratePerMonth: 0.06 }, { fromMonth: 6, median: 12 }] },
        { label: "treatment", hazardRatio: 0.6, delayMonths: 4 },
      ],
      accrual: { piecewise: [{ fromMonth: 0, perMonth: 2 }, { fromMonth: 6, perMonth: 8 }] },
      dropout: { piecewise: [{ fromMonth: 0, annualProportion: 0.1 }, { fromMonth: 12, ratePerMonth: 0.002 }] },
    });
    expect(design.arms[0].survival).toEqual({ kind: "piecewise", startMonths: [0, 6], ratesPerMonth: [0.06, Math.LN2 / 12] });
    expect(design.arms[1].survival).toEqual({ kind: "hazardRatio", hazardRatio: 0.6, delayMonths: 4 });
    expect(design.accrual).toEqual({ kind: "piecewise", startMonths: [0, 6], perMonth: [2, 8], rampMonths: 0 });
    expect(design.dropout.pieces).toEqual([{ fromMonth: 0, ratePerMonth: dropoutRateFromAnnualProportion(0.1) }, { fromMonth: 12, ratePerMonth: 0.002 }]);
    expect(design.dropout.ratePerMonth).toBeCloseTo(-Math.log(0.9) / 12, 15);
  });
  it("parseTrialDesign reads a sequential block with its defaults and keeps designs without one unchanged", () => {
    const design = parseTrialDesign({ ...minimal, sequential: { analyses: [0.5, 0.75, 1], futility: "obf" } });
    expect(design.sequential).toEqual({ informationRates: [0.5, 0.75, 1], spending: "obf", gamma: 0, classical: false, sided: 1, futility: { kind: "spending", spending: "obf", gamma: 0 }, targetPower: null });
    const hsd = parseTrialDesign({ ...minimal, sequential: { analyses: [0.4, 1], spending: "hsd", sided: 2, targetPower: 0.9 } }).sequential;
    expect(hsd).toMatchObject({ spending: "hsd", gamma: -4, sided: 2, futility: null, targetPower: 0.9 });
    expect(parseTrialDesign({ ...minimal, sequential: { analyses: [0.5, 1], futility: { z: [0.2] } } }).sequential?.futility).toEqual({ kind: "z", z: [0.2] });
    expect("sequential" in parseTrialDesign(minimal)).toBe(false);
  });
  it("parseTrialDesign reports the problems of the new blocks with their field paths", () => {
    const problems = problemsOf({
      arms: [{ label: "c", piecewise: [{ fromMonth: 2, ratePerMonth: 0.1 }] }, { label: "t", median: 12, delayMonths: 3 }, { label: "x", median: 9 }],
      accrual: { piecewise: [{ perMonth: 5 }, { fromMonth: 0, perMonth: -1 }] },
      dropout: { piecewise: [{ fromMonth: 0 }] },
      test: { type: "rmst", tau: 12 },
      sequential: { analyses: [0.5, 0.9], spending: "lan", gamma: 2, sided: 3, futility: { z: [0, 1] }, targetPower: 1.2 },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "arms[0].piecewise[0].fromMonth: the first piece starts at month 0, got 2",
        "arms[1].delayMonths: only allowed with hazardRatio (a delayed effect)",
        "accrual.piecewise[1].fromMonth: expected a month after the previous piece's (0), got 0",
        "accrual.piecewise[1].perMonth: expected a positive number, got -1",
        "dropout.piecewise[0]: expected exactly one of ratePerMonth and annualProportion",
        "sequential.analyses: the last analysis is the final one, at 1 (all the events), got 0.9",
        'sequential.spending: expected one of obf, pocock, hsd, got "lan"',
        'sequential.gamma: only used with spending "hsd"',
        "sequential.sided: expected 1 or 2, got 3",
        "sequential.futility.z: expected 1 number in (-6, 6), one per interim analysis, got [0,1]",
        "sequential.targetPower: expected a number > 0 and < 1, got 1.2",
        "sequential: a group-sequential design compares two arms, got 3",
        "sequential: the bounds are for the log-rank or Cox statistic (information = events); test rmst cannot be used",
      ]),
    );
    expect(problemsOf({ ...minimal, sequential: { analyses: [0.5, 1], sided: 2, futility: "obf" } })).toContain("sequential.futility: futility bounds need sided 1 (rpact 3.3.4 itself marks two-sided beta spending as experimental)");
    expect(problemsOf({ ...minimal, sequential: { analyses: [1], futility: "obf" } })).toContain("sequential.futility: needs at least one interim analysis");
    expect(problemsOf({ ...minimal, sequential: { analyses: [0.5, 1], classical: true, spending: "hsd" } })).toContain('sequential.classical: classical bounds are O\'Brien-Fleming\'s or Pocock\'s (spending "obf" or "pocock"), not "hsd"');
  });
});
