import { describe, expect, it } from "vitest";
import { resolveOutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import { calibrateSequencingModel } from "../../src/simulate/calibrateSequencingModel.js";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { emulateTrial } from "../../src/validation/emulateTrial.js";
import type { TrialFile } from "../../src/validation/parseTrialFile.js";
import { context, exponentialModel, shippedTrial, strategies } from "./validationFixture.js";

const { scenario } = loadScenarioNode("default", process.cwd());

/**
 * Asymptotic variance of the Cox log hazard ratio for two exponential samples of n each, no censoring, control
 * hazard λ and HR θ: 1/I with I = n ∫₀^∞ θ e^{−(1+θ)u} / (e^{−u} + θ e^{−θu}) du (expected partial-likelihood
 * information: events arrive at rate n₀λ + n₁θλ, each contributing p(1 − p), p = n₁θ/(n₀ + n₁θ)); at θ = 1 it is
 * 2/n. Evaluated by Simpson's rule on [0, 60] (the integrand is below e⁻⁶⁰ beyond).
 */
function coxLogHrVariance(theta: number, n: number): number {
  const f = (u: number) => (theta * Math.exp(-(1 + theta) * u)) / (Math.exp(-u) + theta * Math.exp(-theta * u));
  const steps = 60_000;
  const h = 60 / steps;
  let sum = f(0) + f(60);
  for (let k = 1; k < steps; k++) sum += (k % 2 === 1 ? 4 : 2) * f(k * h);
  return 1 / (n * (sum * h) / 3);
}

/** Two arms, everolimus vs best supportive care, no crossover, no later lines, line 1, the scenario's cohort. */
const twoArmTrial = (n: number): TrialFile => ({
  id: "two-exponentials",
  title: "Two exponential arms",
  doi: "10.9999/test.1",
  population: {},
  arms: [{ id: "experimental", treatment: "everolimus", n }, { id: "control", treatment: "bestSupportiveCare", n }],
  subsequentStrategy: "none",
  published: { pfs: { medians: { experimental: 11, control: 4.6 }, hr: { estimate: 0.42, lower: 0.3, upper: 0.6 } } },
});

describe("emulateTrial(trial, setup)", () => {
  it("emulateTrial(two exponential arms, no covariates) gives the ratio of hazards m₂/m₁ within Monte Carlo error (closed form)", () => {
    // exponential PFS with medians 11 and 4.6 months, no patient factors, no frailty, no deaths: the hazards are
    // ln 2/11 and ln 2/4.6, so the true HR (experimental vs control) is 4.6/11 = 0.41818…
    const model = exponentialModel({ everolimus: 11, bestSupportiveCare: 4.6 });
    const n = 200;
    const result = emulateTrial(twoArmTrial(n), { model, baseCohort: scenario.cohort, context, strategies, seed: 7, patientsPerArm: 100_000 });
    expect(result.replicates).toBe(500);
    expect(result.patients).toEqual({ experimental: 100_000, control: 100_000 });
    const truth = 4.6 / 11;
    // pooled: 100,000 patients per arm, every one an event
    expect(coxLogHrVariance(1, 100)).toBeCloseTo(2 / 100, 10);
    const se = Math.sqrt(coxLogHrVariance(truth, 100_000));
    expect(Math.abs(Math.log(result.pfs.hr.estimate!) - Math.log(truth))).toBeLessThan(3.5 * se);
    // the emulation's own Monte Carlo error agrees with the closed form within 15% (SD of 500 trials' log HRs / √500)
    expect(result.pfs.logHrMonteCarloSe! / se).toBeGreaterThan(0.85);
    expect(result.pfs.logHrMonteCarloSe! / se).toBeLessThan(1.15);
    // medians: SE of a sample median of an exponential = m/(ln 2 · √N)
    expect(Math.abs(result.pfs.medians.experimental! - 11)).toBeLessThan(4 * (11 / (Math.LN2 * Math.sqrt(100_000))));
    expect(Math.abs(result.pfs.medians.control! - 4.6)).toBeLessThan(4 * (4.6 / (Math.LN2 * Math.sqrt(100_000))));
    // the range of trials of 200 per arm: log HR ± 1.96·SE(n = 200); its width within 12% (the 2.5% and 97.5%
    // quantiles of 500 trials each have a relative standard error of about 5% of the half-width)
    const width = Math.log(result.pfs.hr.upper!) - Math.log(result.pfs.hr.lower!);
    const expected = 2 * 1.96 * Math.sqrt(coxLogHrVariance(truth, n));
    expect(width / expected).toBeGreaterThan(0.88);
    expect(width / expected).toBeLessThan(1.12);
    // no later lines and no deaths: one line each, and no OS event
    expect(result.lineShares).toEqual({ experimental: [1], control: [1] });
    expect(result.pathways.experimental).toEqual([{ pathway: "everolimus", share: 1 }]);
  });

  it("emulateTrial(trial with earlier lines) multiplies the hazard by the later-line ratio r^k", () => {
    // everyone has one earlier systemic line: both arms' hazards × r, the HR unchanged, the medians divided by r
    const model = exponentialModel({ everolimus: 11, bestSupportiveCare: 4.6 });
    const r = model.parameters.assumptions.hrLaterLine;
    const trial = { ...twoArmTrial(100), population: { priorSystemicLines: { "1": 1 } } };
    const result = emulateTrial(trial, { model: { ...model, parameters: { ...model.parameters, assumptions: { ...model.parameters.assumptions, hrLaterLine: 1.3 } } }, baseCohort: scenario.cohort, context, strategies, seed: 3, patientsPerArm: 50_000 });
    expect(r).toBe(1); // the no-covariate model sets every hr* to 1; the trial above uses 1.3
    const se = 11 / 1.3 / (Math.LN2 * Math.sqrt(50_000));
    expect(Math.abs(result.pfs.medians.experimental! - 11 / 1.3)).toBeLessThan(4 * se);
    expect(Math.abs(Math.log(result.pfs.hr.estimate!) - Math.log(4.6 / 11))).toBeLessThan(3.5 * Math.sqrt(coxLogHrVariance(4.6 / 11, 50_000)));
  });

  it("emulateTrial(RADIANT-3, seed 20250411) gives the same numbers every time (pinned), and its crossover and later lines", () => {
    const model = calibrateSequencingModel(resolveOutcomeParameters(context.registry));
    const setup = { model, baseCohort: scenario.cohort, context, strategies, seed: 20250411, patientsPerArm: 4140 };
    const a = emulateTrial(shippedTrial("radiant-3"), setup);
    const b = emulateTrial(shippedTrial("radiant-3"), setup);
    expect(b).toEqual(a);
    expect(a.replicates).toBe(20);
    expect(a.patients).toEqual({ everolimus: 4140, placebo: 4060 });
    expect({ pfs: a.pfs.hr, os: a.os.hr, medians: [a.pfs.medians, a.os.medians] }).toMatchInlineSnapshot(`
      {
        "medians": [
          {
            "everolimus": 12.2516,
            "placebo": 5.5145,
          },
          {
            "everolimus": 38.9685,
            "placebo": 31.5877,
          },
        ],
        "os": {
          "estimate": 0.8241,
          "lower": 0.7362,
          "upper": 0.9627,
        },
        "pfs": {
          "estimate": 0.5325,
          "lower": 0.4356,
          "upper": 0.6551,
        },
      }
    `);
    // about 85% of the placebo arm starts everolimus after progression (those alive after the gap), none of the everolimus arm does it twice
    const crossedOver = a.pathways.placebo.filter((p) => p.pathway.startsWith("bestSupportiveCare>everolimus")).reduce((s, p) => s + p.share, 0);
    expect(crossedOver).toBeGreaterThan(0.75);
    expect(crossedOver).toBeLessThan(0.86);
    expect(a.pathways.everolimus.every((p) => !p.pathway.slice(1).includes("everolimus"))).toBe(true);
  });
});
