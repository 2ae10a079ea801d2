import { logLogisticFromMedianAndLandmark } from "./logLogistic.js";
import { logNormalFromMedianAndLandmark } from "./logNormal.js";
import { piecewiseExponentialFromMedianAndLandmark } from "./piecewiseExponential.js";
import type { ParametricFamily, SurvivalModel } from "./SurvivalModel.js";
import { weibullFromMedianAndLandmark } from "./weibull.js";

/**
 * The model of `family` through a reported median and one landmark survival S(time) = survivalAtTime
 * (e.g. median OS 47.5 months and 5-year OS 38%): the second figure fixes the shape, in closed form for
 * every family. The exponential has no shape to solve, so it throws (two figures over-determine one rate);
 * the piecewise exponential gets two pieces cut at the earlier of the two times.
 */
export function fromMedianAndLandmark(family: ParametricFamily, median: number, time: number, survivalAtTime: number): SurvivalModel {
  switch (family) {
    case "weibull":
      return weibullFromMedianAndLandmark(median, time, survivalAtTime);
    case "logNormal":
      return logNormalFromMedianAndLandmark(median, time, survivalAtTime);
    case "logLogistic":
      return logLogisticFromMedianAndLandmark(median, time, survivalAtTime);
    case "piecewiseExponential":
      return piecewiseExponentialFromMedianAndLandmark(median, time, survivalAtTime);
    case "exponential":
      throw new RangeError("fromMedianAndLandmark cannot fit an exponential model: its one rate cannot match both a median and a landmark; use weibull or piecewiseExponential");
    default:
      throw new RangeError(`fromMedianAndLandmark requires a parametric family, got ${String(family)}`);
  }
}
