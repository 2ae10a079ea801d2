import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import type { InverseCdf, Sampler } from "./Sampler.js";
import { requireFinite, requireNonNegative } from "./requireParameter.js";

/**
 * The inverse CDF of the log-normal distribution whose logarithm is N(meanlog, sdlog²) (R's `qlnorm`
 * parameters): u ↦ exp(meanlog + sdlog·Φ⁻¹(u)). Median exp(meanlog), mean exp(meanlog + sdlog²/2).
 */
export function quantileLogNormal(meanlog = 0, sdlog = 1): InverseCdf {
  requireFinite("quantileLogNormal", "meanlog", meanlog);
  requireNonNegative("quantileLogNormal", "sdlog", sdlog);
  return (u) => Math.exp(meanlog + sdlog * inverseNormalCdf(u));
}

/** Log-normal draws by inverse transform; see {@link quantileLogNormal}. */
export function randomLogNormal(meanlog = 0, sdlog = 1): Sampler {
  const quantile = quantileLogNormal(meanlog, sdlog);
  return (source) => quantile(source());
}
