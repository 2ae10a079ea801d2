import { inverseNormalCdf, upperNormalQuantile } from "../math/inverseNormalCdf.js";
import { standardNormalSurvival } from "../math/standardNormalCdf.js";
import { standardNormalDensity } from "../math/standardNormalDensity.js";
import type { LogNormalModel } from "./SurvivalModel.js";
import { requireLandmark } from "./requireLandmark.js";
import { requirePositiveParameter } from "./requireModelParameter.js";

/**
 * The log-normal model, ln T ~ N(meanlog, sdlog²) (R's `plnorm(t, meanlog, sdlog, lower.tail = FALSE)`):
 * S(t) = 1 − Φ(z), z = (ln t − meanlog)/sdlog; f(t) = φ(z)/(sdlog·t); h = f/S (hazard rises then falls);
 * median e^meanlog, mean e^(meanlog + sdlog²/2), quantile(p) = exp(meanlog + sdlog·Φ⁻¹(p)).
 * Φ by Cody's algorithm and Φ⁻¹ by AS 241 (both as R). Far in the tail (z > 38) S underflows to 0 and the
 * hazard is not defined there.
 */
export function logNormal(meanlog: number, sdlog: number): LogNormalModel {
  if (!Number.isFinite(meanlog)) throw new RangeError(`logNormal requires a finite meanlog, got ${meanlog}`);
  requirePositiveParameter("logNormal", "sdlog", sdlog);
  const standardise = (t: number) => (Math.log(t) - meanlog) / sdlog;
  const survival = (t: number) => (t <= 0 ? 1 : standardNormalSurvival(standardise(t)));
  const density = (t: number) => (t <= 0 ? 0 : standardNormalDensity(standardise(t)) / (sdlog * t));
  const quantile = (p: number) => Math.exp(meanlog + sdlog * inverseNormalCdf(p));
  return Object.freeze({
    family: "logNormal",
    meanlog,
    sdlog,
    median: Math.exp(meanlog),
    mean: Math.exp(meanlog + 0.5 * sdlog * sdlog),
    survival,
    hazard: (t: number) => (t <= 0 ? 0 : density(t) / survival(t)),
    cumulativeHazard: (t: number) => -Math.log(survival(t)),
    density,
    quantile,
    sample: quantile,
  });
}

/**
 * The log-normal model with the given median and `shape` = sdlog (the spread of ln T): meanlog = ln median.
 * A median alone does not identify sdlog; the default is the labelled assumption
 * `survival.logNormalSdlogWhenOnlyMedian` in data/assumptions/survival.json.
 */
export function logNormalFromMedian(median: number, options: { readonly shape: number }): LogNormalModel {
  requirePositiveParameter("logNormalFromMedian", "median", median);
  requirePositiveParameter("logNormalFromMedian", "shape (sdlog)", options.shape);
  return logNormal(Math.log(median), options.shape);
}

/**
 * The log-normal model through a median m and a landmark S(t) = s. Closed form:
 * sdlog = (ln t − ln m)/Φ⁻¹(1 − s).
 */
export function logNormalFromMedianAndLandmark(median: number, time: number, survivalAtTime: number): LogNormalModel {
  requireLandmark("logNormalFromMedianAndLandmark", median, time, survivalAtTime);
  return logNormal(Math.log(median), Math.log(time / median) / upperNormalQuantile(survivalAtTime));
}
