const ONE_OVER_ROOT_TWO_PI = 0.39894228040143267794;

/**
 * The standard normal density φ(x) = exp(−x²/2)/√(2π): R's `dnorm(x)`.
 *
 * For |x| ≥ 5 the exponent is split as in R's `dnorm` (x = r + s with r = x rounded to 2⁻¹⁶, so
 * x²/2 = r²/2 + (r + s/2)s with r² exact), which keeps the relative accuracy of the far tail where
 * exp(−x²/2) would otherwise amplify the rounding of x². Constant time, no allocation.
 */
export function standardNormalDensity(x: number): number {
  const y = Math.abs(x);
  if (y < 5) return ONE_OVER_ROOT_TWO_PI * Math.exp(-0.5 * y * y);
  if (y === Infinity) return 0;
  const rounded = Math.round(y * 65536) / 65536;
  const remainder = y - rounded;
  return ONE_OVER_ROOT_TWO_PI * (Math.exp(-0.5 * rounded * rounded) * Math.exp((-0.5 * remainder - rounded) * remainder));
}
