import { logGamma } from "./logGamma.js";

/**
 * The regularised lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a) = P(X ≤ x) for X ~ Gamma(a, 1),
 * for a > 0: R's `pgamma(x, a)`. See {@link regularizedGammaUpper}; P is taken from the series directly
 * when x < a + 1 (so a small P keeps its relative accuracy) and as 1 − Q otherwise.
 */
export function regularizedGammaLower(shape: number, x: number): number {
  if (Number.isNaN(shape) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return x < shape + 1 ? lowerSeries(shape, x) : 1 - upperContinuedFraction(shape, x);
}

/**
 * The regularised upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a) = P(X > x) for X ~ Gamma(a, 1),
 * for a > 0: R's `pgamma(x, a, lower.tail = FALSE)`.
 *
 * Both functions share the prefactor x^a e^(−x)/Γ(a) (through {@link logGamma}) and then use, as in
 * Press et al., Numerical Recipes (3rd ed.) §6.2:
 * - for x < a + 1 the power series P(a, x) = x^a e^(−x)/Γ(a + 1) · Σ_{k≥0} x^k/((a + 1)…(a + k)), and
 *   Q = 1 − P (here P < about ½, so the subtraction loses nothing);
 * - otherwise the continued fraction Q(a, x) = x^a e^(−x)/Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − …)),
 *   evaluated by the modified Lentz method, so that far upper tails keep full relative accuracy.
 * Both are iterated to machine precision. Relative error about 1e-13 against R for a ≤ 350 (it grows
 * with a, from rounding in a·ln x − x − ln Γ(a)). Cost O(√a) iterations when x is near a, O(x) when x ≪ a,
 * a few dozen otherwise; no allocation.
 */
export function regularizedGammaUpper(shape: number, x: number): number {
  if (Number.isNaN(shape) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < shape + 1 ? 1 - lowerSeries(shape, x) : upperContinuedFraction(shape, x);
}

function logPrefactor(shape: number, x: number): number {
  return -x + shape * Math.log(x) - logGamma(shape);
}

/** P(a, x) by its power series; converges quickly for x < a + 1. */
function lowerSeries(shape: number, x: number): number {
  let denominator = shape;
  let term = 1 / shape;
  let sum = term;
  for (let k = 0; k < 10_000; k++) {
    denominator += 1;
    term *= x / denominator;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
  }
  return sum * Math.exp(logPrefactor(shape, x));
}

/** Q(a, x) by its continued fraction (modified Lentz); converges quickly for x ≥ a + 1. */
function upperContinuedFraction(shape: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - shape;
  let c = 1 / tiny;
  let d = 1 / b;
  let fraction = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - shape);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < 1e-17) break;
  }
  return Math.exp(logPrefactor(shape, x)) * fraction;
}
