import type { InverseCdf, Sampler } from "./Sampler.js";
import { requireNonNegative } from "./requireParameter.js";

/**
 * The inverse CDF of a Poisson(mean) count, optionally shifted by `offset` (e.g. lesion count = 1 + Poisson):
 * sequential search up the cumulative probabilities from 0, O(mean) per draw, no allocation. Meant for the
 * small means of lesion counts; the factory refuses means above 500 (e^−mean underflows near 745).
 */
export function quantilePoisson(mean: number, offset = 0): InverseCdf {
  requireNonNegative("quantilePoisson", "mean", mean);
  if (mean > 500) throw new RangeError(`quantilePoisson requires a mean of at most 500, got ${mean}`);
  const zeroProbability = Math.exp(-mean);
  return (u) => {
    let count = 0;
    let probability = zeroProbability;
    let cumulative = probability;
    while (u >= cumulative && probability > 0) {
      count++;
      probability *= mean / count;
      cumulative += probability;
    }
    return count + offset;
  };
}

/** Poisson draws by inverse transform; see {@link quantilePoisson}. */
export function randomPoisson(mean: number, offset = 0): Sampler {
  const quantile = quantilePoisson(mean, offset);
  return (source) => quantile(source());
}
