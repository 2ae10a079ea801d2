import type { InverseCdf, Sampler } from "./Sampler.js";

/**
 * The inverse CDF of a categorical distribution over indices 0 … k − 1 with the given non-negative weights
 * (normalised here, so shares like 57.1/42.9 work). Cumulative table plus binary search: O(log k) per draw,
 * no allocation; the index order is the coupling order for common random numbers.
 */
export function quantileCategorical(weights: readonly number[]): InverseCdf {
  if (weights.length === 0) throw new RangeError("quantileCategorical requires at least one weight");
  let total = 0;
  for (const weight of weights) {
    if (!(Number.isFinite(weight) && weight >= 0)) throw new RangeError(`quantileCategorical requires non-negative, finite weights, got ${weight}`);
    total += weight;
  }
  if (!(total > 0)) throw new RangeError("quantileCategorical requires a positive total weight");
  const cumulative = new Float64Array(weights.length);
  let running = 0;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i];
    cumulative[i] = running / total;
  }
  cumulative[weights.length - 1] = 1;
  // Never return a zero-weight category: a trailing zero weight must not win at u ≈ 1.
  let last = weights.length - 1;
  while (weights[last] === 0) last--;
  return (u) => {
    let lowIndex = 0;
    let highIndex = last;
    while (lowIndex < highIndex) {
      const middle = (lowIndex + highIndex) >>> 1;
      if (u < cumulative[middle]) highIndex = middle;
      else lowIndex = middle + 1;
    }
    return lowIndex;
  };
}

/** Categorical draws (an index into `weights`); see {@link quantileCategorical}. */
export function randomCategorical(weights: readonly number[]): Sampler {
  const quantile = quantileCategorical(weights);
  return (source) => quantile(source());
}
