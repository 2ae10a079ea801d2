import { scaledExponentialIntegral } from "../math/scaledExponentialIntegral.js";
import type { GompertzModel } from "./SurvivalModel.js";
import { requirePositiveParameter } from "./requireModelParameter.js";

/**
 * The Gompertz model with hazard h(t) = rate·e^(shape·t) (flexsurv's `pgompertz(shape, rate)`):
 * H(t) = (rate/shape)(e^(shape·t) − 1), computed as rate·t·expm1(u)/u with u = shape·t so that shape = 0 (the
 * exponential) and shapes near 0 lose no precision; S = e^−H, f = h·S.
 *
 * - shape > 0: a hazard rising exponentially with time (ageing, a late relapse risk).
 * - shape < 0: a hazard falling to zero, so S(t) levels off at e^(rate/shape) > 0: a plateau or "cure" fraction.
 *   Quantiles beyond the plateau are Infinity (that share never has the event), and so is the mean.
 *
 * quantile(p) = ln(1 + shape·q/rate)/shape with q = −ln(1 − p) (q/rate when shape = 0).
 * Mean (shape > 0) = e^x E₁(x)/shape with x = rate/shape (substitute u = x·e^(shape·t) in ∫S), by
 * {@link scaledExponentialIntegral}; 1/rate when shape = 0. A draw costs a log1p and a log1p.
 */
export function gompertz(shape: number, rate: number): GompertzModel {
  if (!Number.isFinite(shape)) throw new RangeError(`gompertz requires a finite shape, got ${shape}`);
  requirePositiveParameter("gompertz", "rate", rate);
  const cumulativeHazard = (t: number) => {
    if (t <= 0) return 0;
    if (t === Infinity) return shape < 0 ? -rate / shape : Infinity;
    const u = shape * t;
    return u === 0 ? rate * t : (rate * t * Math.expm1(u)) / u;
  };
  const hazard = (t: number) => (t < 0 ? 0 : rate * Math.exp(shape * t));
  const quantile = (p: number) => {
    const target = -Math.log1p(-p);
    if (shape === 0) return target / rate;
    const x = (shape * target) / rate;
    return x <= -1 ? Infinity : Math.log1p(x) / shape;
  };
  const mean = shape < 0 ? Infinity : shape === 0 ? 1 / rate : scaledExponentialIntegral(rate / shape) / shape;
  return Object.freeze({
    family: "gompertz",
    shape,
    rate,
    median: quantile(0.5),
    mean,
    survival: (t: number) => Math.exp(-cumulativeHazard(t)),
    hazard,
    cumulativeHazard,
    density: (t: number) => (t < 0 ? 0 : hazard(t) * Math.exp(-cumulativeHazard(t))),
    quantile,
    sample: quantile,
  });
}
