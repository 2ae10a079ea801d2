import type { InverseCdf, Sampler } from "./Sampler.js";
import { requireProbability } from "./requireParameter.js";

/**
 * The inverse CDF of a Bernoulli(p) variable as 1 (yes) or 0 (no): u ↦ u < p ? 1 : 0. With the same `u`,
 * a larger p never turns a 1 into a 0 (coupling for common random numbers).
 */
export function quantileBernoulli(probability: number): InverseCdf {
  requireProbability("quantileBernoulli", "probability", probability);
  return (u) => (u < probability ? 1 : 0);
}

/** Bernoulli draws (1 with probability p, else 0); one uniform per draw. */
export function randomBernoulli(probability: number): Sampler {
  const quantile = quantileBernoulli(probability);
  return (source) => quantile(source());
}
