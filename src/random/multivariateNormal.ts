import { choleskyFactor } from "../math/choleskyFactor.js";
import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import type { RandomSource } from "./randomSource.js";
import { requireFinite } from "./requireParameter.js";

/** A draw of a random vector from an injected source: `sampler(source)` returns a new array. */
export type VectorSampler = (source: RandomSource) => number[];

/**
 * Draws from the multivariate normal N(mean, covariance): x = mean + L·z with L the Cholesky factor of the
 * covariance (L·Lᵀ = Σ, {@link choleskyFactor}) and z a vector of k independent standard normals, each by
 * inverse transform from one uniform (z_i = Φ⁻¹(u_i), u_i taken in order from the source; a uniform of exactly 0,
 * which Alea returns about once in 2³² draws, is read as 2⁻⁵³ so that every draw is finite). Then E[x] = mean and
 * Cov[x] = L·E[zzᵀ]·Lᵀ = Σ. This is how a probabilistic sensitivity analysis draws the parameters of a fitted
 * survival model from the asymptotic distribution of the maximum-likelihood estimate (estimates and the inverse
 * observed information; Briggs, Claxton & Sculpher, Decision Modelling for Health Economic Evaluation, 2006, ch. 4).
 *
 * Throws a RangeError for a non-finite mean, a covariance of the wrong size, not symmetric or not positive
 * definite. Set-up O(k³); each draw k uniforms and O(k²).
 */
export function randomMultivariateNormal(mean: readonly number[], covariance: readonly (readonly number[])[]): VectorSampler {
  const k = mean.length;
  if (k === 0) throw new RangeError("randomMultivariateNormal requires at least one dimension");
  mean.forEach((m, i) => requireFinite("randomMultivariateNormal", `mean[${i}]`, m));
  if (covariance.length !== k || covariance.some((row) => row.length !== k)) {
    throw new RangeError(`randomMultivariateNormal requires a ${k} × ${k} covariance matrix (one row and column per mean), got ${covariance.length} × ${covariance[0]?.length ?? 0}`);
  }
  const lower = choleskyFactor(covariance);
  if (lower === null) throw new RangeError("randomMultivariateNormal requires a symmetric positive-definite covariance matrix");
  const centre = [...mean];
  const z = new Float64Array(k);
  return (source) => {
    for (let i = 0; i < k; i++) {
      const u = source();
      z[i] = inverseNormalCdf(u > 0 ? u : 1.1102230246251565e-16);
    }
    const x = new Array<number>(k);
    for (let i = 0; i < k; i++) {
      let sum = centre[i]!;
      const row = lower[i]!;
      for (let j = 0; j <= i; j++) sum += row[j]! * z[j]!;
      x[i] = sum;
    }
    return x;
  };
}
