import { inverseNormalCdf, upperNormalQuantile } from "../math/inverseNormalCdf.js";
import { standardNormalSurvival } from "../math/standardNormalCdf.js";
import { exponential } from "./exponential.js";
import { gompertz } from "./gompertz.js";
import { logLogistic } from "./logLogistic.js";
import { logNormal } from "./logNormal.js";
import type { SurvivalModel } from "./SurvivalModel.js";
import { weibull } from "./weibull.js";

/** The families a treatment's PFS baseline can take when it is calibrated to a whole fitted curve. */
export const CurveFamily = {
  exponential: "exponential",
  weibull: "weibull",
  logNormal: "logNormal",
  logLogistic: "logLogistic",
  gompertz: "gompertz",
} as const;
export type CurveFamily = (typeof CurveFamily)[keyof typeof CurveFamily];

/** Type guard for {@link CurveFamily}. */
export function isCurveFamily(value: unknown): value is CurveFamily {
  return typeof value === "string" && Object.hasOwn(CurveFamily, value);
}

/**
 * A baseline survival curve at unit time scale, S₀(t) with cumulative hazard H₀(t); the model multiplies time by
 * the treatment's scale λ, so the baseline is S(t) = S₀(t/λ). `shape` is dimensionless:
 *
 * | family      | H₀(t) at scale 1            | shape             | as the engine's model at scale λ           |
 * |-------------|-----------------------------|-------------------|--------------------------------------------|
 * | exponential | t                           | (unused, 1)       | exponential(rate = 1/λ)                    |
 * | weibull     | t^k                         | k                 | weibull(k, λ)                              |
 * | logLogistic | ln(1 + t^k)                 | k                 | logLogistic(k, λ)   (median λ)             |
 * | logNormal   | −ln(1 − Φ(ln t / σ))        | σ                 | logNormal(meanlog = ln λ, sdlog = σ)       |
 * | gompertz    | (e^(c·t) − 1)/c             | c = shape/rate    | gompertz(shape = c/λ, rate = 1/λ)          |
 *
 * Plain data (JSON-serialisable: part of the outcome model sent to worker threads).
 */
export interface CurveBaseline {
  readonly family: CurveFamily;
  readonly shape: number;
}

/**
 * The time t at unit scale at which the baseline's cumulative hazard reaches `exposure`: H₀(t) = x, so that a
 * patient with hazard ratio HR and unit exponential E (E = −ln(1 − u)) has the event at λ·t(E/HR) — the inverse
 * transform of S(t) = S₀(t/λ)^HR (proportional hazards on any baseline), monotone in u (common random numbers):
 *
 *   weibull x^(1/k); logLogistic expm1(x)^(1/k); logNormal exp(σ·Φ⁻¹(1 − e^(−x))); gompertz ln(1 + c·x)/c
 *   (Infinity when c < 0 and c·x ≤ −1: beyond the plateau, the event never comes); exponential x.
 *
 * For the log-normal, Φ⁻¹(1 − e^(−x)) is taken as Φ⁻¹(−expm1(−x)) below the median and as the upper quantile of
 * e^(−x) above it, so that neither tail loses digits. The numeric core: no checks, no allocation; O(1).
 */
export function curveBaselineTime(family: CurveFamily, shape: number, exposure: number): number {
  switch (family) {
    case "weibull":
      return Math.pow(exposure, 1 / shape);
    case "logLogistic":
      return Math.pow(Math.expm1(exposure), 1 / shape);
    case "logNormal":
      return Math.exp(shape * (exposure < Math.LN2 ? inverseNormalCdf(-Math.expm1(-exposure)) : upperNormalQuantile(Math.exp(-exposure))));
    case "gompertz": {
      if (shape === 0) return exposure;
      const x = shape * exposure;
      return x <= -1 ? Infinity : Math.log1p(x) / shape;
    }
    default:
      return exposure;
  }
}

/**
 * The baseline's cumulative hazard at unit scale, H₀(t) (the inverse of {@link curveBaselineTime}): t^k,
 * ln(1 + t^k), −ln(1 − Φ(ln t/σ)), (e^(c·t) − 1)/c (as t·expm1(c·t)/(c·t), exact at c = 0), or t. O(1).
 */
export function curveBaselineCumulativeHazard(family: CurveFamily, shape: number, time: number): number {
  if (!(time > 0)) return 0;
  switch (family) {
    case "weibull":
      return Math.pow(time, shape);
    case "logLogistic":
      return Math.log1p(Math.pow(time, shape));
    case "logNormal":
      return -Math.log(standardNormalSurvival(Math.log(time) / shape));
    case "gompertz": {
      const u = shape * time;
      return u === 0 ? time : (time * Math.expm1(u)) / u;
    }
    default:
      return time;
  }
}

/**
 * A fitted engine model as a baseline and a time scale (see {@link CurveBaseline}): weibull(k, λ) and
 * logLogistic(k, λ) → (k, λ); logNormal(μ, σ) → (σ, e^μ); gompertz(b, a) → (b/a, 1/a); exponential(r) → (1, 1/r).
 * Null for the families that are not a single time-scaled shape (piecewise exponential, mixtures, …). O(1).
 */
export function curveBaselineOf(model: SurvivalModel): { readonly baseline: CurveBaseline; readonly scale: number } | null {
  switch (model.family) {
    case "exponential":
      return { baseline: { family: "exponential", shape: 1 }, scale: 1 / model.rate };
    case "weibull":
      return { baseline: { family: "weibull", shape: model.shape }, scale: model.scale };
    case "logLogistic":
      return { baseline: { family: "logLogistic", shape: model.shape }, scale: model.scale };
    case "logNormal":
      return { baseline: { family: "logNormal", shape: model.sdlog }, scale: Math.exp(model.meanlog) };
    case "gompertz":
      return { baseline: { family: "gompertz", shape: model.shape / model.rate }, scale: 1 / model.rate };
    default:
      return null;
  }
}

/** The engine's survival model of a baseline at time scale `scale` (the inverse of {@link curveBaselineOf}). O(1). */
export function curveBaselineModel(baseline: CurveBaseline, scale: number): SurvivalModel {
  switch (baseline.family) {
    case "weibull":
      return weibull(baseline.shape, scale);
    case "logLogistic":
      return logLogistic(baseline.shape, scale);
    case "logNormal":
      return logNormal(Math.log(scale), baseline.shape);
    case "gompertz":
      return gompertz(baseline.shape / scale, 1 / scale);
    default:
      return exponential(1 / scale);
  }
}
