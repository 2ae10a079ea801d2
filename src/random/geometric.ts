import type { InverseCdf, Sampler } from "./Sampler.js";
import { requireProbability } from "./requireParameter.js";

/**
 * The inverse CDF of the number of failures before the first success, success probability p (R's `qgeom`):
 * u ↦ ⌊log(1 − u)/log(1 − p)⌋, constant time. Mean (1 − p)/p; add an offset for "at least one".
 */
export function quantileGeometric(probability: number, offset = 0): InverseCdf {
  requireProbability("quantileGeometric", "probability", probability);
  if (probability === 0) throw new RangeError("quantileGeometric requires a positive probability, got 0");
  if (probability === 1) return () => offset;
  const logFailure = Math.log1p(-probability);
  return (u) => Math.floor(Math.log1p(-u) / logFailure) + offset;
}

/** Geometric draws by inverse transform; see {@link quantileGeometric}. */
export function randomGeometric(probability: number, offset = 0): Sampler {
  const quantile = quantileGeometric(probability, offset);
  return (source) => quantile(source());
}
