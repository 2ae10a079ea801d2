import { regularizedGammaUpper } from "./chiSquareUpperTail.js";

/**
 * The upper tail of the standard normal distribution, P(Z > z): R's `pnorm(z, lower.tail = FALSE)`.
 *
 * Uses P(|Z| > z) = Q(1/2, z² / 2), the regularised upper incomplete gamma function, so that far tails
 * keep full relative accuracy (unlike a table lookup). Runs in constant time (a few dozen iterations).
 */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return 0;
  if (z === -Infinity) return 1;
  const twoSided = regularizedGammaUpper(0.5, (z * z) / 2);
  return z >= 0 ? twoSided / 2 : 1 - twoSided / 2;
}

/** The standard normal distribution function P(Z ≤ z): R's `pnorm(z)`. */
export function normalCdf(z: number): number {
  return normalUpperTail(-z);
}

/** The two-sided p-value of a standard normal statistic, 2 · P(Z > |z|) (as `2 * pnorm(-abs(z))`). */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return regularizedGammaUpper(0.5, (z * z) / 2);
}

/**
 * The standard normal quantile z with P(Z ≤ z) = p: R's `qnorm(p)`.
 *
 * Starts from Acklam's rational approximation (relative error 1e-9) and refines it with Halley steps
 * on {@link normalCdf}, which gives the quantile to within an ulp or two of R's AS 241 result.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let z = acklam(p);
  for (let step = 0; step < 3; step++) {
    // Work on the smaller tail for accuracy.
    const error = p < 0.5 ? normalCdf(z) - p : (1 - p) - normalUpperTail(z);
    const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    if (density === 0) break;
    const u = error / density;
    z -= u / (1 + (z * u) / 2);
  }
  return z;
}

function acklam(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
