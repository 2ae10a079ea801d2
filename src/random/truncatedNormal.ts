import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import { standardNormalCdf } from "../math/standardNormalCdf.js";
import type { InverseCdf, Sampler } from "./Sampler.js";
import { requireFinite, requirePositive } from "./requireParameter.js";

/**
 * The inverse CDF of N(mean, sd²) truncated to [low, high] (either bound may be infinite):
 * u ↦ mean + sd·Φ⁻¹(Φ(α) + u·(Φ(β) − Φ(α))), α = (low − mean)/sd, β = (high − mean)/sd.
 *
 * Exact inverse transform, one uniform per draw. Precision: works on the lower-tail scale, so a window
 * lying entirely beyond about 8 sd above the mean (Φ(α) rounds to 1) is rejected by the factory; that is far
 * outside any use here (ages, Ki-67, sizes). Result clamped to [low, high] against rounding.
 */
export function quantileTruncatedNormal(mean: number, standardDeviation: number, low = -Infinity, high = Infinity): InverseCdf {
  requireFinite("quantileTruncatedNormal", "mean", mean);
  requirePositive("quantileTruncatedNormal", "standard deviation", standardDeviation);
  if (!(low < high)) throw new RangeError(`quantileTruncatedNormal requires low < high, got ${low} and ${high}`);
  const lowerCdf = standardNormalCdf((low - mean) / standardDeviation);
  const upperCdf = standardNormalCdf((high - mean) / standardDeviation);
  const mass = upperCdf - lowerCdf;
  if (!(mass > 0)) throw new RangeError(`quantileTruncatedNormal requires [low, high] to hold some probability, got [${low}, ${high}] for mean ${mean}, sd ${standardDeviation}`);
  return (u) => {
    const value = mean + standardDeviation * inverseNormalCdf(lowerCdf + u * mass);
    return value < low ? low : value > high ? high : value;
  };
}

/** Truncated normal draws by inverse transform; see {@link quantileTruncatedNormal}. */
export function randomTruncatedNormal(mean: number, standardDeviation: number, low = -Infinity, high = Infinity): Sampler {
  const quantile = quantileTruncatedNormal(mean, standardDeviation, low, high);
  return (source) => quantile(source());
}
