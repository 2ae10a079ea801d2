import {
  exponential,
  gompertz,
  logLogistic,
  logNormal,
  mixture,
  piecewiseExponential,
  proportionalHazards,
  weibull,
  type SurvivalModel,
} from "../../src/survival/index.js";

/** One model of every family, for the property tests. */
export const everyFamily: readonly (readonly [string, SurvivalModel])[] = [
  ["exponential(0.03)", exponential(0.03)],
  ["weibull(1.2, 40)", weibull(1.2, 40)],
  ["weibull(0.7, 25)", weibull(0.7, 25)],
  ["logNormal(log(29), 0.9)", logNormal(Math.log(29), 0.9)],
  ["logLogistic(1.4, 29)", logLogistic(1.4, 29)],
  ["piecewiseExponential([6, 24], [0.08, 0.03, 0.05])", piecewiseExponential([6, 24], [0.08, 0.03, 0.05])],
  ["gompertz(0.05, 0.02)", gompertz(0.05, 0.02)],
  ["proportionalHazards(logNormal(log(29), 0.9), 0.6)", proportionalHazards(logNormal(Math.log(29), 0.9), 0.6)],
  ["mixture(weibull, logLogistic)", mixture([{ weight: 0.571, model: weibull(1.2, 40) }, { weight: 0.429, model: logLogistic(1.4, 20) }])],
];
