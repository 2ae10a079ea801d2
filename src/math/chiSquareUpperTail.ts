import { regularizedGammaUpper } from "./regularizedGamma.js";

/**
 * The upper tail of the chi-square distribution, P(X > x) for X ~ χ² with `degreesOfFreedom` degrees of
 * freedom: R's `pchisq(x, df, lower.tail = FALSE)`, the p-value of a chi-square statistic.
 *
 * It is the regularised upper incomplete gamma function Q(df/2, x/2) ({@link regularizedGammaUpper}), so
 * small p-values keep their relative accuracy (1e-13 against R for df ≤ 20 and x ≤ 700). df = 0 is the
 * point mass at 0, as in R. Cost that of {@link regularizedGammaUpper}: at most a few hundred iterations.
 */
export function chiSquareUpperTail(x: number, degreesOfFreedom: number): number {
  if (Number.isNaN(x) || Number.isNaN(degreesOfFreedom) || degreesOfFreedom < 0) return NaN;
  if (degreesOfFreedom === 0) return x > 0 ? 0 : 1;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return regularizedGammaUpper(degreesOfFreedom / 2, x / 2);
}
