import type { InverseCdf, Sampler } from "./Sampler.js";
import { requireFinite } from "./requireParameter.js";

/** The inverse CDF of the uniform distribution on [low, high): u ↦ low + u·(high − low). */
export function quantileUniform(low = 0, high = 1): InverseCdf {
  requireFinite("quantileUniform", "low", low);
  requireFinite("quantileUniform", "high", high);
  if (high < low) throw new RangeError(`quantileUniform requires low <= high, got ${low} > ${high}`);
  const width = high - low;
  return (u) => low + u * width;
}

/** Uniform draws on [low, high); one number from the source per draw. */
export function randomUniform(low = 0, high = 1): Sampler {
  const quantile = quantileUniform(low, high);
  return (source) => quantile(source());
}
