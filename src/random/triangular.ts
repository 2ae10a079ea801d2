import type { InverseCdf, Sampler } from "./Sampler.js";
import { requireFinite } from "./requireParameter.js";

/**
 * The inverse CDF of the triangular distribution on [low, high] with peak at `mode` (default: the midpoint).
 * Closed form: below the mode's CDF value F(c) = (c − a)/(b − a), x = a + √(u(b − a)(c − a)); above it
 * x = b − √((1 − u)(b − a)(b − c)). Used for ranges with a most likely value.
 */
export function quantileTriangular(low: number, high: number, mode = (low + high) / 2): InverseCdf {
  requireFinite("quantileTriangular", "low", low);
  requireFinite("quantileTriangular", "high", high);
  requireFinite("quantileTriangular", "mode", mode);
  if (!(low <= mode && mode <= high)) throw new RangeError(`quantileTriangular requires low <= mode <= high, got ${low}, ${mode}, ${high}`);
  const width = high - low;
  if (width === 0) return () => low;
  const modeCdf = (mode - low) / width;
  const lowerProduct = width * (mode - low);
  const upperProduct = width * (high - mode);
  return (u) => (u < modeCdf ? low + Math.sqrt(u * lowerProduct) : high - Math.sqrt((1 - u) * upperProduct));
}

/** Triangular draws by inverse transform; see {@link quantileTriangular}. */
export function randomTriangular(low: number, high: number, mode = (low + high) / 2): Sampler {
  const quantile = quantileTriangular(low, high, mode);
  return (source) => quantile(source());
}
