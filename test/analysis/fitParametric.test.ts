import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fitParametric, fitParametricModels } from "../../src/analysis/fitParametric.js";
import { fittedModelParameters, fittedSurvivalModel } from "../../src/analysis/fittedSurvivalModel.js";
import type { FitDistribution, ParametricFit } from "../../src/analysis/ParametricFit.js";
import { randomSource } from "../../src/random/randomSource.js";

/**
 * R references written by test/fixtures/r/make-survreg-fixtures.R (`LC_ALL=C Rscript
 * test/fixtures/r/make-survreg-fixtures.R`): survreg for the four families it has, Gompertz by optim plus
 * Newton, piecewise exponential by survSplit and glm. Each entry quotes its R call.
 */
interface RCurve { group: string; survival: number[]; quantiles?: number[]; linearPredictor?: number }
interface RSurvreg {
  distribution: "exponential" | "weibull" | "lognormal" | "loglogistic"; grouped: boolean; call: string;
  coefficientNames: string[]; coefficients: number[]; scale: number; varNames: string[]; var: number[];
  logLik: number; df: number; aic: number; bic: number; iterations: number; times: number[]; groups: RCurve[];
}
interface RDirect { grouped: boolean; call: string; names: string[]; estimates: number[]; var: number[]; logLik: number; df: number; aic: number; bic: number; times: number[]; groups: RCurve[]; cuts?: number[] }
interface RSurvregFixture {
  name: string; description: string; groupName: string | null; n: number; events: number;
  data: { time: number[]; event: number[]; group?: string[] };
  survreg: RSurvreg[]; gompertz: RDirect[]; piecewise: RDirect[];
}

const folder = new URL("../fixtures/r/survreg/", import.meta.url);
const fixtures: RSurvregFixture[] = readdirSync(folder)
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, folder), "utf8")) as RSurvregFixture);

const survregFamily: Record<RSurvreg["distribution"], FitDistribution> = { exponential: "exponential", weibull: "weibull", lognormal: "logNormal", loglogistic: "logLogistic" };

/** The criterion: 1e-6 relative. */
const tolerance = 1e-6;

function expectRelative(label: string, actual: number, expected: number, within = tolerance): void {
  if (!(Math.abs(actual - expected) <= within * Math.abs(expected))) expect.fail(`${label}: got ${actual}, R gives ${expected} (relative error ${Math.abs(actual / expected - 1).toExponential(2)})`);
}

/**
 * Covariances agree to 1e-6 relative to sqrt(v_ii v_jj), i.e. on the correlation scale: an off-diagonal entry near 0
 * has no relative precision of its own (R's optimHess and glm's last IRLS weights carry about 1e-7 of noise).
 */
function expectCovariance(label: string, actual: readonly (readonly number[])[], expected: number[]): void {
  const k = actual.length;
  expect(expected.length, `${label}: size`).toBe(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const r = expected[i * k + j]!;
      const scale = Math.sqrt(expected[i * k + i]! * expected[j * k + j]!);
      if (!(Math.abs(actual[i]![j]! - r) <= tolerance * scale)) expect.fail(`${label}[${i}][${j}]: got ${actual[i]![j]}, R gives ${r}`);
    }
  }
}

function expectCurves(label: string, fit: ParametricFit, reference: { times: number[]; groups: RCurve[] }): void {
  expect(fit.groups).toEqual(reference.groups.map((g) => g.group));
  for (const curve of reference.groups) {
    const model = fittedSurvivalModel(fit, { group: curve.group });
    reference.times.forEach((t, i) => expectRelative(`${label} ${curve.group} S(${t})`, model.survival(t), curve.survival[i]!));
    // survreg's predict(type = "quantile", p = c(0.25, 0.5, 0.75))
    curve.quantiles?.forEach((q, i) => expectRelative(`${label} ${curve.group} quantile ${[0.25, 0.5, 0.75][i]}`, model.quantile([0.25, 0.5, 0.75][i]!), q));
  }
}

function options(fixture: RSurvregFixture, grouped: boolean, cutpoints?: number[]) {
  return { ...(grouped ? { group: fixture.data.group!, groupName: fixture.groupName! } : {}), ...(cutpoints ? { cutpoints } : {}) };
}

describe.each(fixtures.map((f) => [f.name, f] as const))("fitParametric on %s", (_name, fixture) => {
  it.each(fixture.survreg.map((r) => [r.call, r] as const))("fitParametric(time, event, family, options) equals R's %s", (_call, r) => {
    const fit = fitParametric(fixture.data.time, fixture.data.event, survregFamily[r.distribution], options(fixture, r.grouped));
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(fixture.n);
    expect(fit.events).toBe(fixture.events);
    expect(Object.keys(fit.survreg!.coefficients)).toEqual(r.coefficientNames);
    r.coefficientNames.forEach((name, i) => expectRelative(`coef ${name}`, fit.survreg!.coefficients[name]!, r.coefficients[i]!));
    expectRelative("scale", fit.survreg!.scale, r.scale);
    expect(fit.parameterNames).toEqual(r.varNames);
    expectCovariance("var", fit.covariance, r.var);
    fit.standardErrors.forEach((se, i) => expectRelative(`SE ${r.varNames[i]}`, se, Math.sqrt(r.var[i * r.varNames.length + i]!)));
    expectRelative("logLik", fit.logLikelihood, r.logLik);
    expect(fit.df).toBe(r.df);
    expectRelative("AIC", fit.aic, r.aic);
    expectRelative("BIC", fit.bic, r.bic);
    expectCurves(r.call, fit, r);
  });

  it.each(fixture.gompertz.map((r) => [r.grouped ? "with the group" : "one curve", r] as const))("fitParametric(time, event, 'gompertz', options) equals direct maximisation in R (optim), %s", (_label, r) => {
    // R: optim(method = "BFGS") on the Gompertz log-likelihood, then Newton on optimHess (see r.call)
    const fit = fitParametric(fixture.data.time, fixture.data.event, "gompertz", options(fixture, r.grouped));
    expect(fit.converged).toBe(true);
    expect(fit.parameterNames).toEqual(r.names);
    fit.estimates.forEach((v, i) => expectRelative(r.names[i]!, v, r.estimates[i]!));
    expectCovariance("var", fit.covariance, r.var);
    expectRelative("logLik", fit.logLikelihood, r.logLik);
    expectRelative("AIC", fit.aic, r.aic);
    expectRelative("BIC", fit.bic, r.bic);
    expect(fit.survreg).toBeNull();
    expect(fit.groupEffect).toBe(r.grouped ? "hazardRatio" : null);
    expectCurves("gompertz", fit, r);
  });

  it.each(fixture.piecewise.map((r) => [r.grouped ? "with the group" : "one curve", r] as const))("fitParametric(time, event, 'piecewiseExponential', { cutpoints }) equals survSplit + glm in R, %s", (_label, r) => {
    // R: survSplit(Surv(time, event) ~ ., cut = cuts), then events/exposure per piece or
    //    glm(events ~ 0 + piece + group, offset = log(exposure), family = poisson) (see r.call)
    const fit = fitParametric(fixture.data.time, fixture.data.event, "piecewiseExponential", options(fixture, r.grouped, r.cuts));
    expect(fit.converged).toBe(true);
    expect(fit.parameterNames).toEqual(r.names);
    expect(fit.cutpoints).toEqual(r.cuts);
    fit.estimates.forEach((v, i) => expectRelative(r.names[i]!, v, r.estimates[i]!));
    expectCovariance("var", fit.covariance, r.var);
    expectRelative("logLik", fit.logLikelihood, r.logLik);
    expectRelative("AIC", fit.aic, r.aic);
    expectRelative("BIC", fit.bic, r.bic);
    expectCurves("piecewise", fit, r);
  });
});

describe("fitParametric, closed forms and errors", () => {
  it("fitParametric(time, event, 'exponential') is events / total time, SE of log rate 1/√events (hand-worked)", () => {
    // 3 events in 2 + 3 + 5 + 10 = 20 months: rate 0.15, log-likelihood 3 ln 0.15 − 3 − ln(2·3·5) (events' log t).
    const fit = fitParametric([2, 3, 5, 10], [1, 1, 1, 0], "exponential");
    expect(fit.survreg!.coefficients["(Intercept)"]).toBeCloseTo(Math.log(20 / 3), 13);
    expect(fit.standardErrors[0]).toBeCloseTo(1 / Math.sqrt(3), 13);
    expect(fit.logLikelihood).toBeCloseTo(3 * Math.log(0.15) - 3, 12);
    expect(fittedModelParameters(fit)).toEqual({ family: "exponential", rate: expect.closeTo(0.15, 13) });
    const piecewise = fitParametric([2, 3, 5, 10], [1, 1, 1, 0], "piecewiseExponential", { cutpoints: [4] });
    // piece 1 [0, 4): 2 events in 2 + 3 + 4 + 4 = 13; piece 2: 1 event in 1 + 6 = 7.
    expect(fittedModelParameters(piecewise)).toEqual({ family: "piecewiseExponential", cutpoints: [4], rates: [expect.closeTo(2 / 13, 14), expect.closeTo(1 / 7, 14)] });
    expect(piecewise.logLikelihood).toBeCloseTo(2 * (Math.log(2 / 13) - 1) + (Math.log(1 / 7) - 1), 13);
  });

  it("fitParametricModels(time, event, families) ranks by AIC and fittedSurvivalModel converts each group", () => {
    const f = fixtures.find((x) => x.name === "lung-sex")!;
    const fits = fitParametricModels(f.data.time, f.data.event, ["exponential", "weibull", "logNormal", "logLogistic", "gompertz"], { group: f.data.group!, groupName: "sex" });
    const aic = fits.map((x) => x.aic);
    expect(aic).toEqual([...aic].sort((a, b) => a - b));
    // R (fixture lung-sex, ~ sex): AIC weibull 2303.30 < gompertz 2306.98 < loglogistic 2315.17 < exponential 2319.20 < lognormal 2331.23
    expect(fits.map((x) => x.distribution)).toEqual(["weibull", "gompertz", "logLogistic", "exponential", "logNormal"]);
    const male = fittedSurvivalModel(fits[0]!, { group: "male" });
    expect(male.family).toBe("weibull");
    expect(() => fittedSurvivalModel(fits[0]!, { group: "other" })).toThrow('fittedModelParameters: unknown group "other"; the fit\'s groups are female, male');
    expect(() => fittedSurvivalModel(fits[0]!, { estimates: [1, 2] })).toThrow("expected 3 estimates ((Intercept), sexmale, Log(scale)), got 2");
    // A PSA draw is just another parameter vector: scale doubled → Weibull shape halved.
    const draw = fittedModelParameters(fits[0]!, { estimates: [fits[0]!.estimates[0]!, fits[0]!.estimates[1]!, fits[0]!.estimates[2]! + Math.LN2] });
    expect(draw.family === "weibull" && draw.shape).toBeCloseTo((fittedModelParameters(fits[0]!) as { shape: number }).shape / 2, 12);
  });

  it("fitParametricModels ranks fits that did not converge last, whatever their AIC (three events at one time: σ → 0)", () => {
    const fits = fitParametricModels([5, 5, 5], [1, 1, 1], ["weibull", "logNormal", "exponential"], { maxIterations: 30 });
    expect(fits.map((f) => [f.distribution, f.converged])).toEqual([["exponential", true], ["logNormal", false], ["weibull", false]]);
    expect(fits[1]!.aic).toBeLessThan(fits[0]!.aic); // the likelihood grows without bound as the scale shrinks
  });

  it("fitParametric rejects zero times for log-time families, groups without events, single-level groups and bad cut points", () => {
    expect(() => fitParametric([0, 1, 2], [1, 1, 0], "weibull")).toThrow("fitParametric: time[0] must be positive for the weibull distribution (a model of log time), got 0");
    expect(fitParametric([0, 1, 2], [1, 1, 0], "gompertz").converged).toBe(true);
    expect(() => fitParametric([1, 2, 3, 4], [1, 1, 0, 0], "weibull", { group: ["A", "A", "B", "B"] })).toThrow("fitParametric: group 'B' has no events");
    expect(() => fitParametric([1, 2], [1, 1], "weibull", { group: ["A", "A"] })).toThrow("the group has a single level 'A'");
    expect(() => fitParametric([1, 2], [0, 0], "exponential")).toThrow("fitParametric requires at least one event");
    expect(() => fitParametric([1, 2, 5], [1, 1, 1], "piecewiseExponential")).toThrow("requires cutpoints");
    expect(() => fitParametric([1, 2, 5], [1, 1, 1], "piecewiseExponential", { cutpoints: [3, 2] })).toThrow("cutpoints must be positive, finite and increasing, got [3, 2]");
    expect(() => fitParametric([1, 2, 5], [1, 1, 0], "piecewiseExponential", { cutpoints: [3] })).toThrow("piece 2 [3, ∞) has no events");
    expect(() => fitParametric([1, 2, 5], [1, 1, 1], "piecewiseExponential", { cutpoints: [6] })).toThrow("piece 2 [6, ∞) has no follow-up time");
    expect(() => fitParametric([1, 2], [1, 1], "cox" as FitDistribution)).toThrow("unknown distribution cox");
  });

  it("fitParametric(…, 'weibull') on 200,000 Weibull draws recovers shape and scale within 4 standard errors", () => {
    // Monte Carlo check of the estimator itself (not only of R agreement): shape 1.4, scale 20, uniform censoring on (0, 40).
    const uniform = randomSource(16);
    const n = 200_000;
    const time = new Float64Array(n);
    const event = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const t = 20 * Math.pow(-Math.log1p(-uniform()), 1 / 1.4);
      const c = 40 * uniform();
      time[i] = Math.min(t, c);
      event[i] = t <= c ? 1 : 0;
    }
    const fit = fitParametric(time, event, "weibull");
    const logScaleSe = fit.standardErrors[1]!;
    expect(Math.abs(-fit.estimates[1]! - Math.log(1.4))).toBeLessThan(4 * logScaleSe); // log shape = −log σ
    expect(Math.abs(fit.estimates[0]! - Math.log(20))).toBeLessThan(4 * fit.standardErrors[0]!);
  });
});
