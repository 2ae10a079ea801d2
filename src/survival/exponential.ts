import type { ExponentialModel } from "./SurvivalModel.js";
import { requirePositiveParameter } from "./requireModelParameter.js";

/**
 * The exponential model with constant hazard `rate` (per month): S(t) = e^(−rate·t), median ln 2/rate,
 * mean 1/rate, quantile(p) = −ln(1 − p)/rate (computed with log1p for accuracy at small p).
 */
export function exponential(rate: number): ExponentialModel {
  requirePositiveParameter("exponential", "rate", rate);
  const quantile = (p: number) => -Math.log1p(-p) / rate;
  return Object.freeze({
    family: "exponential",
    rate,
    median: Math.LN2 / rate,
    mean: 1 / rate,
    survival: (t: number) => Math.exp(-rate * t),
    hazard: () => rate,
    cumulativeHazard: (t: number) => rate * t,
    density: (t: number) => rate * Math.exp(-rate * t),
    quantile,
    sample: quantile,
  });
}

/** The exponential model with the given median: rate = ln 2/median. */
export function exponentialFromMedian(median: number): ExponentialModel {
  requirePositiveParameter("exponentialFromMedian", "median", median);
  return exponential(Math.LN2 / median);
}
