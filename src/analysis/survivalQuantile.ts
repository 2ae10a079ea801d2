import type { KaplanMeierResult, QuantileEstimate } from "./KaplanMeierResult.js";

const defaultTolerance = Math.sqrt(2.220446049250313e-16);

/**
 * The time by which a fraction `p` of subjects have had the event (p = 0.5: the median), with limits
 * read off the pointwise lower and upper curves, as R's `quantile(fit, probs = p)` (survival's `findq`):
 * the first time the curve reaches 1 − p within a tolerance; where the curve is flat at exactly 1 − p,
 * the midpoint of that flat segment (or of the segment and the last time, when the curve ends flat).
 * Null where R gives NA (the curve never gets that low). Runs in O(rows).
 */
export function survivalQuantile(km: KaplanMeierResult, p: number, tolerance = defaultTolerance): QuantileEstimate {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`survivalQuantile: p must be in [0, 1], got ${String(p)}`);
  return {
    estimate: findQuantile(km.time, km.survival, p, tolerance),
    lower: findQuantile(km.time, km.lower, p, tolerance),
    upper: findQuantile(km.time, km.upper, p, tolerance),
  };
}

/** survival's `findq(c(0, time), c(0, 1 - curve), p, tol)`; NaN in the curve is R's NA. */
function findQuantile(time: Float64Array, curve: Float64Array, p: number, tolerance: number): number | null {
  const count = time.length + 1;
  const x: number[] = [0];
  const y: number[] = [0];
  for (let i = 0; i < time.length; i++) {
    x.push(time[i]!);
    y.push(1 - curve[i]!);
  }
  let maximum = -Infinity;
  for (const v of y) if (!Number.isNaN(v) && v > maximum) maximum = v;
  if (maximum < p) return null;
  const xmax = x[count - 1]!;
  // Drop duplicated y values, keeping the first (NaN duplicates NaN, as in R's duplicated()).
  const keptX: number[] = [];
  const keptY: number[] = [];
  const seen = new Set<number>();
  let seenNaN = false;
  for (let i = 0; i < count; i++) {
    const v = y[i]!;
    if (Number.isNaN(v)) {
      if (seenNaN) continue;
      seenNaN = true;
    } else {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    keptX.push(x[i]!);
    keptY.push(v);
  }
  const index1 = constantRight(keptY, tolerance, p);
  const index2 = constantRight(keptY, -tolerance, p);
  let quantile: number | null = index1 < 0 || index2 < 0 ? null : (keptX[index1]! + keptX[index2]!) / 2;
  if (p === 0) quantile = keptX[0]!;
  const last = keptY[keptY.length - 1]!;
  if (!Number.isNaN(last) && Math.abs(p - last) < tolerance) quantile = index1 < 0 ? null : (keptX[index1]! + xmax) / 2;
  return quantile;
}

/**
 * R's `approx(y + shift, seq_along(y), p, method = "constant", f = 1)$y` (minus one): the index of the
 * smallest knot y + shift that is ≥ p, or -1 when p lies outside the knots (NaN knots are dropped).
 */
function constantRight(y: readonly number[], shift: number, p: number): number {
  let best = -1;
  let bestValue = Infinity;
  let minimum = Infinity;
  let maximum = -Infinity;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (Number.isNaN(v)) continue;
    const knot = v + shift;
    if (knot < minimum) minimum = knot;
    if (knot > maximum) maximum = knot;
    if (knot >= p && knot < bestValue) {
      bestValue = knot;
      best = i;
    }
  }
  if (p < minimum || p > maximum) return -1;
  return best;
}
