import { exponentialFromMedian } from "./exponential.js";
import { logLogisticFromMedian } from "./logLogistic.js";
import { logNormalFromMedian } from "./logNormal.js";
import { piecewiseExponentialFromMedian } from "./piecewiseExponential.js";
import type { ParametricFamily, SurvivalModel } from "./SurvivalModel.js";
import { weibullFromMedian } from "./weibull.js";

/**
 * What besides the median identifies a model of each family. `shape` is the Weibull shape, the log-normal
 * sdlog or the log-logistic shape — ignored for the exponential; required for the other three (a median
 * alone does not identify it: the defaults are labelled assumptions in data/assumptions/survival.json, see
 * `SurvivalAssumptionId`). The piecewise exponential takes its cutpoints and relative rates.
 */
export interface FromMedianOptions {
  readonly shape?: number;
  readonly cutpoints?: readonly number[];
  readonly relativeRates?: readonly number[];
}

/**
 * The model of `family` with the given median, e.g. `fromMedian("weibull", 29, { shape: 1.2 })` for CAPTEM's
 * median PFS of 29 months. Dispatches to `exponentialFromMedian`, `weibullFromMedian`, … (each closed form).
 */
export function fromMedian(family: ParametricFamily, median: number, options: FromMedianOptions = {}): SurvivalModel {
  switch (family) {
    case "exponential":
      return exponentialFromMedian(median);
    case "piecewiseExponential":
      return piecewiseExponentialFromMedian(median, options);
    case "weibull":
    case "logNormal":
    case "logLogistic": {
      const shape = options.shape;
      if (shape === undefined) throw new RangeError(`fromMedian requires a shape for the ${family} family (see data/assumptions/survival.json)`);
      if (family === "weibull") return weibullFromMedian(median, { shape });
      if (family === "logNormal") return logNormalFromMedian(median, { shape });
      return logLogisticFromMedian(median, { shape });
    }
    default:
      throw new RangeError(`fromMedian requires a parametric family, got ${String(family)}`);
  }
}
