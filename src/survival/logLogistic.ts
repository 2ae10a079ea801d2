import type { LogLogisticModel } from "./SurvivalModel.js";
import { requireLandmark } from "./requireLandmark.js";
import { requirePositiveParameter } from "./requireModelParameter.js";

/**
 * The log-logistic model S(t) = 1/(1 + (t/scale)^shape) (flexsurv's `pllogis(shape, scale)`):
 * H(t) = ln(1 + (t/scale)^shape), h(t) = (shape/scale)(t/scale)^(shape−1)/(1 + (t/scale)^shape),
 * median = scale, quantile(p) = scale·(p/(1 − p))^(1/shape),
 * mean = scale·(π/shape)/sin(π/shape) for shape > 1, infinite otherwise.
 */
export function logLogistic(shape: number, scale: number): LogLogisticModel {
  requirePositiveParameter("logLogistic", "shape", shape);
  requirePositiveParameter("logLogistic", "scale", scale);
  const inverseShape = 1 / shape;
  const odds = (t: number) => Math.pow(t / scale, shape);
  const quantile = (p: number) => scale * Math.pow(p / (1 - p), inverseShape);
  const piOverShape = Math.PI / shape;
  return Object.freeze({
    family: "logLogistic",
    shape,
    scale,
    median: scale,
    mean: shape > 1 ? (scale * piOverShape) / Math.sin(piOverShape) : Infinity,
    survival: (t: number) => 1 / (1 + odds(t)),
    hazard: (t: number) => ((shape / scale) * Math.pow(t / scale, shape - 1)) / (1 + odds(t)),
    cumulativeHazard: (t: number) => Math.log1p(odds(t)),
    density: (t: number) => {
      const o = 1 + odds(t);
      return ((shape / scale) * Math.pow(t / scale, shape - 1)) / (o * o);
    },
    quantile,
    sample: quantile,
  });
}

/**
 * The log-logistic model with the given median (= scale) and shape. The default shape is the labelled
 * assumption `survival.logLogisticShapeWhenOnlyMedian` in data/assumptions/survival.json.
 */
export function logLogisticFromMedian(median: number, options: { readonly shape: number }): LogLogisticModel {
  requirePositiveParameter("logLogisticFromMedian", "median", median);
  return logLogistic(options.shape, median);
}

/**
 * The log-logistic model through a median m and a landmark S(t) = s. Closed form: (t/m)^k = 1/s − 1, so
 * k = ln(1/s − 1)/ln(t/m).
 */
export function logLogisticFromMedianAndLandmark(median: number, time: number, survivalAtTime: number): LogLogisticModel {
  requireLandmark("logLogisticFromMedianAndLandmark", median, time, survivalAtTime);
  return logLogistic(Math.log(1 / survivalAtTime - 1) / Math.log(time / median), median);
}
