import { logGamma } from "../math/logGamma.js";
import { regularizedIncompleteBeta } from "../math/regularizedIncompleteBeta.js";
import type { InverseCdf, Sampler } from "./Sampler.js";
import { requirePositive } from "./requireParameter.js";

/**
 * The inverse CDF of Beta(alpha, beta), for proportions drawn from ranges. There is no closed form: each
 * call solves I_x(α, β) = u by Newton's method on the density, safeguarded by bisection (the bracket
 * [0, 1] shrinks every step), to an absolute 1e-12 in x. Costs roughly 1–3 µs per draw — fine for the
 * outer loop of parameter draws, not meant for per-patient hot loops.
 */
export function quantileBeta(alpha: number, beta: number): InverseCdf {
  requirePositive("quantileBeta", "alpha", alpha);
  requirePositive("quantileBeta", "beta", beta);
  const logNormaliser = logGamma(alpha + beta) - logGamma(alpha) - logGamma(beta);
  const mean = alpha / (alpha + beta);
  return (u) => {
    if (u <= 0) return 0;
    if (u >= 1) return 1;
    let low = 0;
    let high = 1;
    let x = mean;
    for (let iteration = 0; iteration < 200; iteration++) {
      const error = regularizedIncompleteBeta(x, alpha, beta) - u;
      if (error > 0) high = x;
      else low = x;
      const density = Math.exp(logNormaliser + (alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x));
      let next = x - error / density;
      if (!(next > low && next < high)) next = 0.5 * (low + high);
      if (Math.abs(next - x) < 1e-12 || high - low < 1e-12) return next;
      x = next;
    }
    return x;
  };
}

/** Beta draws by inverse transform; see {@link quantileBeta}. */
export function randomBeta(alpha: number, beta: number): Sampler {
  const quantile = quantileBeta(alpha, beta);
  return (source) => quantile(source());
}

/**
 * The Beta(α, β) with a given mean and standard deviation (method of moments):
 * α + β = mean(1 − mean)/sd² − 1, α = mean·(α + β). Requires sd² < mean(1 − mean).
 */
export function betaFromMeanAndSd(mean: number, standardDeviation: number): { readonly alpha: number; readonly beta: number } {
  if (!(mean > 0 && mean < 1)) throw new RangeError(`betaFromMeanAndSd requires a mean in (0, 1), got ${mean}`);
  const variance = standardDeviation * standardDeviation;
  if (!(standardDeviation > 0 && variance < mean * (1 - mean))) {
    throw new RangeError(`betaFromMeanAndSd requires 0 < sd < sqrt(mean(1 - mean)) = ${Math.sqrt(mean * (1 - mean))}, got ${standardDeviation}`);
  }
  const total = (mean * (1 - mean)) / variance - 1;
  return { alpha: mean * total, beta: (1 - mean) * total };
}
