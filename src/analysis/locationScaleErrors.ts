import { standardNormalSurvival } from "../math/standardNormalCdf.js";
import { standardNormalDensity } from "../math/standardNormalDensity.js";

/**
 * The standardised error W of a location–scale model on log time, log T = μ + σW (R survreg's
 * "extreme", "logistic" and "gaussian"). `evaluate(z, out)` writes, allocation-free:
 *
 *   out[0] = ln f(z),  out[1] = d ln f/dz,  out[2] = d² ln f/dz²   (the density: an event at z)
 *   out[3] = ln S(z),  out[4] = d ln S/dz,  out[5] = d² ln S/dz²   (the survival: a censoring at z)
 *
 * All three densities and survival functions are log-concave (out[2], out[5] ≤ 0), which makes the
 * log-likelihood concave in (μ/σ, 1/σ) (Burridge 1981, J R Stat Soc B 43:41–45).
 */
export interface LocationScaleError {
  readonly name: "extreme" | "logistic" | "gaussian";
  readonly evaluate: (z: number, out: Float64Array) => void;
}

/**
 * The minimum extreme-value (Gumbel) error: f(z) = exp(z − eᶻ), S(z) = exp(−eᶻ). With it, T is Weibull
 * (and exponential when σ = 1). ln f = z − eᶻ, ln S = −eᶻ: every derivative is a multiple of eᶻ.
 */
export const extremeValueError: LocationScaleError = {
  name: "extreme",
  evaluate(z, out) {
    const ez = Math.exp(z);
    out[0] = z - ez;
    out[1] = 1 - ez;
    out[2] = -ez;
    out[3] = -ez;
    out[4] = -ez;
    out[5] = -ez;
  },
};

/**
 * The logistic error: S(z) = 1/(1 + eᶻ), f(z) = eᶻ/(1 + eᶻ)²; T is log-logistic. With p = eᶻ/(1 + eᶻ):
 * ln S = −ln(1 + eᶻ), d/dz = −p, d² = −p(1 − p); ln f = z + 2 ln S, d/dz = 1 − 2p, d² = −2p(1 − p).
 * ln(1 + eᶻ) is computed without overflow on either side.
 */
export const logisticError: LocationScaleError = {
  name: "logistic",
  evaluate(z, out) {
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    const p = z > 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    const spread = p * (1 - p);
    out[0] = z - 2 * softplus;
    out[1] = 1 - 2 * p;
    out[2] = -2 * spread;
    out[3] = -softplus;
    out[4] = -p;
    out[5] = -spread;
  },
};

const LOG_ROOT_TWO_PI = 0.91893853320467274178;

/**
 * The standard normal error; T is log-normal. ln f = −z²/2 − ln √(2π), d/dz = −z, d² = −1; ln S = ln Q(z)
 * (Q the upper tail), d/dz = −λ, d² = −λ(λ − z) with λ = φ(z)/Q(z) the normal hazard (inverse Mills ratio).
 * Beyond z = 30, where Q nears underflow, λ comes from the Laplace continued fraction
 * Q/φ = 1/(z + 1/(z + 2/(z + 3/(z + …)))) (30 terms: exact to rounding there) and ln Q = ln φ − ln λ.
 */
export const normalError: LocationScaleError = {
  name: "gaussian",
  evaluate(z, out) {
    out[0] = -0.5 * z * z - LOG_ROOT_TWO_PI;
    out[1] = -z;
    out[2] = -1;
    let hazard: number;
    if (z < 30) {
      const upper = standardNormalSurvival(z);
      hazard = standardNormalDensity(z) / upper;
      out[3] = Math.log(upper);
    } else {
      let fraction = z;
      for (let k = 30; k >= 1; k--) fraction = z + k / fraction;
      hazard = fraction;
      out[3] = -0.5 * z * z - LOG_ROOT_TWO_PI - Math.log(hazard);
    }
    out[4] = -hazard;
    out[5] = -hazard * (hazard - z);
  },
};
