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

  it("emulateTrial(two exponential arms, uniform accrual, data cut-off) censors as the closed form says: event fraction, Kaplan–Meier median, HR", () => {
    // Staggered entry (Collett, Modelling Survival Data, §10.2): entry uniform over A = 24 months, data cut-off F = 6
    // months after the last randomisation, so each patient's censoring time C is uniform on [F, A + F] = [6, 30].
    // Exponential PFS with rate λ: P(event observed) = P(T <= C) = 1 − E[e^{−λC}] = 1 − (e^{−λF} − e^{−λ(A+F)})/(λA).
    const A = 24;
    const F = 6;
    const medians = { experimental: 11, control: 4.6 };
    const model = exponentialModel({ everolimus: medians.experimental, bestSupportiveCare: medians.control });
    const N = 100_000;
    const trial: TrialFile = { ...twoArmTrial(200), followUp: { accrualMonths: A, followUpMonths: F } };
    const result = emulateTrial(trial, { model, baseCohort: scenario.cohort, context, strategies, seed: 7, patientsPerArm: N });
    expect(result.followUp).toEqual({ accrualMonths: A, followUpMonths: F, maximumMonths: null });
    const events = { experimental: 0, control: 0 };
    for (const arm of ["experimental", "control"] as const) {
      const rate = Math.LN2 / medians[arm];
      const p = 1 - (Math.exp(-rate * F) - Math.exp(-rate * (A + F))) / (rate * A);
      events[arm] = p * N;
      // binomial Monte Carlo error of a share over N patients; 4 SE (a false alarm about 1 in 16,000)
      expect(Math.abs(result.pfs.eventFraction![arm] - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
      // Kaplan–Meier median of the censored data: consistent for ln 2/λ. Its asymptotic variance is
      // σ²(m)/f(m)², σ²(t) = S(t)² ∫₀ᵗ λ du / (N S(u) G(u)) (Greenwood, Kalbfleisch & Prentice §1.4), G(u) = P(C >= u)
      // = 1 on [0, F] and (A + F − u)/A on [F, A + F]; f(m) = λ/2. Integral by Simpson's rule.
      const m = medians[arm];
      const g = (u: number) => (u <= F ? 1 : (A + F - u) / A);
      const integrand = (u: number) => rate / (Math.exp(-rate * u) * g(u));
      const steps = 2000;
      const h = m / steps;
      let sum = integrand(0) + integrand(m);
      for (let k = 1; k < steps; k++) sum += (k % 2 === 1 ? 4 : 2) * integrand(k * h);
      const variance = (0.25 * ((sum * h) / 3)) / N;
      const se = Math.sqrt(variance) / (rate / 2);
      expect(Math.abs(result.pfs.medians[arm]! - m)).toBeLessThan(4 * se);
      // the check can fail: an analysis ignoring the censoring flags would give the median of min(T, C), the t with
      // e^{−λt} G(t) = 1/2 (by bisection): 8.93 instead of 11 in the experimental arm, about 40 SE away
      let low = 0;
      let high = m;
      for (let k = 0; k < 60; k++) {
        const mid = (low + high) / 2;
        if (Math.exp(-rate * mid) * g(mid) > 0.5) low = mid;
        else high = mid;
      }
      if (arm === "experimental") expect(m - low).toBeGreaterThan(20 * se);
    }
    // hazard ratio of censored data: still the ratio of hazards, 4.6/11; the variance of the log HR is at least
    // 1/d₁ + 1/d₂ (exponential maximum likelihood, the bound the Cox estimate nearly attains here): 4 × that SE
    const se = Math.sqrt(1 / events.experimental + 1 / events.control);
    expect(Math.abs(Math.log(result.pfs.hr.estimate!) - Math.log(medians.control / medians.experimental))).toBeLessThan(4 * se);
    // no deaths in this model: every OS time is censored
    expect(result.os.eventFraction).toEqual({ experimental: 0, control: 0 });
    // pinned for this seed (the draws of entry come from the arm's own sub-stream "accrual")
    expect({ eventFraction: result.pfs.eventFraction, medians: result.pfs.medians, hr: result.pfs.hr.estimate }).toMatchInlineSnapshot(`
      {
        "eventFraction": {
          "control": 0.8904,
          "experimental": 0.6474,
        },
        "hr": 0.4188,
        "medians": {
          "control": 4.5793,
          "experimental": 10.9874,
        },
      }
    `);
  });

  it("emulateTrial(fixed study period only) censors everyone at maximumMonths: P(event) = 1 − e^{−λM}", () => {
    const model = exponentialModel({ everolimus: 11, bestSupportiveCare: 4.6 });
    const M = 96 * 7 / (365.25 / 12); // 96 weeks in months
    const N = 50_000;
    const trial: TrialFile = { ...twoArmTrial(100), followUp: { maximumMonths: M } };
    const result = emulateTrial(trial, { model, baseCohort: scenario.cohort, context, strategies, seed: 11, patientsPerArm: N });
    for (const [arm, median] of [["experimental", 11], ["control", 4.6]] as const) {
      const p = 1 - Math.exp(-(Math.LN2 / median) * M);
      expect(Math.abs(result.pfs.eventFraction![arm] - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    }
  });

  it("emulateTrial(trial without followUp) has no censoring fields (outputs as before)", () => {
    const model = exponentialModel({ everolimus: 11, bestSupportiveCare: 4.6 });
    const result = emulateTrial(twoArmTrial(50), { model, baseCohort: scenario.cohort, context, strategies, seed: 1, patientsPerArm: 1000 });
    expect("followUp" in result).toBe(false);
    expect("eventFraction" in result.pfs).toBe(false);
  });

  it("emulateTrial(CLARINET, seed 20250411) censors at 96 weeks and gives the same numbers every time (pinned)", () => {
    const model = calibrateSequencingModel(resolveOutcomeParameters(context.registry));
    const setup = { model, baseCohort: scenario.cohort, context, strategies, seed: 20250411, patientsPerArm: 4120 };
    const a = emulateTrial(shippedTrial("clarinet"), setup);
    expect(emulateTrial(shippedTrial("clarinet"), setup)).toEqual(a);
    expect(a.followUp).toEqual({ accrualMonths: 0, followUpMonths: null, maximumMonths: 22.08 });
    expect({ medians: a.pfs.medians, hr: a.pfs.hr, eventFraction: a.pfs.eventFraction }).toMatchInlineSnapshot(`
      {
        "eventFraction": {
          "lanreotide": 0.5705,
          "placebo": 0.8498,
        },
        "hr": {
          "estimate": 0.4344,
          "lower": 0.3133,
          "upper": 0.5584,
        },
        "medians": {
          "lanreotide": 17.4101,
          "placebo": 6.8031,
        },
      }
    `);
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
