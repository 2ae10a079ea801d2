import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import type { RandomSource } from "../random/randomSource.js";
import type { InverseCdf } from "../random/Sampler.js";
import { quantileTriangular } from "../random/triangular.js";

/**
 * How a reported range is read as parameter uncertainty (`as const` enumeration):
 * - `uniform`: every value in [low, high] equally likely;
 * - `triangular`: [low, high] are hard bounds, the midpoint most likely;
 * - `normal95`: [low, high] is a 95% interval of a normal, i.e. mean = midpoint,
 *   sd = (high − low)/(2·1.959963984540054); 5% of draws fall outside the range.
 */
export const RangeDistribution = { uniform: "uniform", triangular: "triangular", normal95: "normal95" } as const;
export type RangeDistribution = (typeof RangeDistribution)[keyof typeof RangeDistribution];

/** Type guard for {@link RangeDistribution}. */
export function isRangeDistribution(value: unknown): value is RangeDistribution {
  return typeof value === "string" && Object.hasOwn(RangeDistribution, value);
}

/**
 * A figure reported as a range (surufatinib's median PFS 9.2–10.9 months, a hazard ratio's 95% CI 0.3–0.6),
 * treated as uncertainty about one parameter: the outer loop of `--replicates` draws it once per replicate.
 *
 * `scale: "log"` applies the distribution to ln(value) — right for ratios (hazard ratios, whose CIs are
 * symmetric on the log scale) and keeps draws positive; the default `"linear"` suits medians and shares.
 */
export interface RangeParameter {
  readonly low: number;
  readonly high: number;
  readonly distribution: RangeDistribution;
  readonly scale?: "linear" | "log";
}

const Z_975 = 1.959963984540054;

function checkRange(caller: string, range: RangeParameter): void {
  if (!(Number.isFinite(range.low) && Number.isFinite(range.high) && range.low <= range.high)) {
    throw new RangeError(`${caller} requires finite low <= high, got ${range.low} and ${range.high}`);
  }
  if (!isRangeDistribution(range.distribution)) throw new RangeError(`${caller} requires distribution uniform, triangular or normal95, got ${String(range.distribution)}`);
  if (range.scale === "log" && !(range.low > 0)) throw new RangeError(`${caller} requires a positive low on the log scale, got ${range.low}`);
}

/**
 * The value used when parameter uncertainty is off (the base case). Choice, documented: the centre of the
 * range on the range's own scale — the arithmetic midpoint (low + high)/2 on the linear scale and the
 * geometric midpoint √(low·high) on the log scale. Every distribution here is symmetric about that centre
 * (on its scale), so the point value is also the median of `drawValue`, and the mean on the linear scale.
 */
export function pointValue(range: RangeParameter): number {
  checkRange("pointValue", range);
  return range.scale === "log" ? Math.sqrt(range.low * range.high) : 0.5 * (range.low + range.high);
}

/** The inverse CDF of the range's distribution (see {@link RangeParameter}), for common random numbers. */
export function rangeQuantile(range: RangeParameter): InverseCdf {
  checkRange("rangeQuantile", range);
  const logScale = range.scale === "log";
  const low = logScale ? Math.log(range.low) : range.low;
  const high = logScale ? Math.log(range.high) : range.high;
  let onScale: InverseCdf;
  if (range.distribution === "uniform") onScale = (u) => low + u * (high - low);
  else if (range.distribution === "triangular") onScale = quantileTriangular(low, high);
  else {
    const mean = 0.5 * (low + high);
    const standardDeviation = (high - low) / (2 * Z_975);
    onScale = (u) => mean + standardDeviation * inverseNormalCdf(u);
  }
  return logScale ? (u) => Math.exp(onScale(u)) : onScale;
}

/** One draw of the parameter from its range, using one number from `source`. */
export function drawValue(range: RangeParameter, source: RandomSource): number {
  return rangeQuantile(range)(source());
}
