import { exponential } from "../survival/exponential.js";
import { gompertz } from "../survival/gompertz.js";
import { logLogistic } from "../survival/logLogistic.js";
import { logNormal } from "../survival/logNormal.js";
import { piecewiseExponential } from "../survival/piecewiseExponential.js";
import type { SurvivalModel } from "../survival/SurvivalModel.js";
import { weibull } from "../survival/weibull.js";
import type { ParametricFit } from "./ParametricFit.js";

/** One group's fitted curve in the engine's parameterisation (plain, JSON-ready); see {@link fittedModelParameters}. */
export type FittedModelParameters =
  | { readonly family: "exponential"; readonly rate: number }
  | { readonly family: "weibull"; readonly shape: number; readonly scale: number }
  | { readonly family: "logNormal"; readonly meanlog: number; readonly sdlog: number }
  | { readonly family: "logLogistic"; readonly shape: number; readonly scale: number }
  | { readonly family: "gompertz"; readonly shape: number; readonly rate: number }
  | { readonly family: "piecewiseExponential"; readonly cutpoints: readonly number[]; readonly rates: readonly number[] };

export interface FittedModelOptions {
  /** The group, by label or level index; default the reference (first) group. */
  readonly group?: string | number;
  /**
   * A parameter vector on the fit's estimation scale (same length and order as `fit.estimates`), e.g. a draw
   * from the multivariate normal N(fit.estimates, fit.covariance) for a probabilistic sensitivity analysis.
   * Default: the maximum-likelihood estimates.
   */
  readonly estimates?: readonly number[];
}

/**
 * The parameters of one group's fitted curve in the engine's parameterisation (`src/survival`), converted from
 * the fit's estimation scale. For the survreg families, with linear predictor μ = β₀ + β_g (β_g = 0 for the
 * reference group) and σ = exp(Log(scale)):
 *
 * | survreg `dist` | R: log T = μ + σW, W ~          | engine model                                      |
 * |----------------|---------------------------------|---------------------------------------------------|
 * | exponential    | extreme value, σ = 1            | exponential(rate = e^−μ)                          |
 * | weibull        | extreme value                   | weibull(shape = 1/σ, scale = e^μ)  (R's dweibull) |
 * | lognormal      | normal                          | logNormal(meanlog = μ, sdlog = σ)  (R's dlnorm)   |
 * | loglogistic    | logistic                        | logLogistic(shape = 1/σ, scale = e^μ)  (median e^μ) |
 *
 * Gompertz: gompertz(shape, rate = e^(log rate + β_g)); piecewise exponential: rates e^(log rate_j + β_g).
 * Throws a RangeError for an unknown group or a vector of the wrong length. O(parameters).
 */
export function fittedModelParameters(fit: ParametricFit, options: FittedModelOptions = {}): FittedModelParameters {
  const g = groupIndex(fit, options.group);
  const theta = options.estimates ?? fit.estimates;
  if (theta.length !== fit.estimates.length) {
    throw new RangeError(`fittedModelParameters: expected ${fit.estimates.length} estimates (${fit.parameterNames.join(", ")}), got ${theta.length}`);
  }
  const groupTerms = fit.groups.length - 1;
  switch (fit.distribution) {
    case "exponential":
    case "weibull":
    case "logNormal":
    case "logLogistic": {
      const location = theta[0]! + (g > 0 ? theta[g]! : 0);
      const scale = fit.distribution === "exponential" ? 1 : Math.exp(theta[groupTerms + 1]!);
      if (fit.distribution === "exponential") return { family: "exponential", rate: Math.exp(-location) };
      if (fit.distribution === "weibull") return { family: "weibull", shape: 1 / scale, scale: Math.exp(location) };
      if (fit.distribution === "logNormal") return { family: "logNormal", meanlog: location, sdlog: scale };
      return { family: "logLogistic", shape: 1 / scale, scale: Math.exp(location) };
    }
    case "gompertz":
      return { family: "gompertz", shape: theta[0]!, rate: Math.exp(theta[1]! + (g > 0 ? theta[1 + g]! : 0)) };
    case "piecewiseExponential": {
      const pieces = fit.cutpoints.length + 1;
      const effect = g > 0 ? theta[pieces + g - 1]! : 0;
      return { family: "piecewiseExponential", cutpoints: fit.cutpoints, rates: theta.slice(0, pieces).map((logRate) => Math.exp(logRate + effect)) };
    }
  }
}

/**
 * One group's fitted curve as the engine's survival model (see {@link fittedModelParameters} for the conversion),
 * ready for the simulation: `survival`, `quantile`, `median`, `mean`, `sample`. O(parameters).
 */
export function fittedSurvivalModel(fit: ParametricFit, options: FittedModelOptions = {}): SurvivalModel {
  const parameters = fittedModelParameters(fit, options);
  switch (parameters.family) {
    case "exponential":
      return exponential(parameters.rate);
    case "weibull":
      return weibull(parameters.shape, parameters.scale);
    case "logNormal":
      return logNormal(parameters.meanlog, parameters.sdlog);
    case "logLogistic":
      return logLogistic(parameters.shape, parameters.scale);
    case "gompertz":
      return gompertz(parameters.shape, parameters.rate);
    case "piecewiseExponential":
      return piecewiseExponential(parameters.cutpoints, parameters.rates);
  }
}

function groupIndex(fit: ParametricFit, group: string | number | undefined): number {
  if (group === undefined) return 0;
  const index = typeof group === "number" ? group : fit.groups.indexOf(group);
  if (!(Number.isInteger(index) && index >= 0 && index < fit.groups.length)) {
    throw new RangeError(`fittedModelParameters: unknown group ${JSON.stringify(group)}; the fit's groups are ${fit.groups.join(", ")}`);
  }
  return index;
}
