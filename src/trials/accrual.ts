import type { AccrualSpec } from "./TrialDesign.js";

/**
 * Accrual with a rate that ramps linearly from zero to its plateau over R = `rampMonths` months, then stays
 * constant (R = 0: uniform). With plateau rate c, the number accrued by month t is c·t²/(2R) for t ≤ R and
 * c·(t − R/2) after. Piecewise-uniform accrual (`kind: "piecewise"`) has rate c_j from month s_j to s_{j+1},
 * the last rate until n patients are in (rpact's `accrualTime`/`accrualIntensity` with absolute intensities).
 */

/** Months needed to accrue n patients: the spec's duration, or for a rate the time at which n are in. */
export function accrualDuration(spec: AccrualSpec, n: number): number {
  if (spec.kind === "duration") return spec.months;
  if (spec.kind === "piecewise") return piecewiseDuration(spec.startMonths, spec.perMonth, n);
  const plateauMonths = n / spec.perMonth;
  const ramp = spec.rampMonths;
  if (ramp === 0) return plateauMonths;
  return plateauMonths >= ramp / 2 ? plateauMonths + ramp / 2 : Math.sqrt(2 * ramp * plateauMonths);
}

/** The entry-time distribution on [0, duration]: probability that a patient has entered by month t. */
export function accrualCdf(duration: number, rampMonths: number, t: number): number {
  if (t <= 0) return 0;
  if (t >= duration) return 1;
  return accrued(duration, rampMonths, t) / accrued(duration, rampMonths, duration);
}

/** Inverse of {@link accrualCdf}: the entry month of a patient at quantile q. O(1). */
export function accrualQuantile(duration: number, rampMonths: number, q: number): number {
  if (rampMonths === 0) return q * duration;
  const target = q * accrued(duration, rampMonths, duration);
  if (target <= rampMonths / 2) return Math.sqrt(2 * rampMonths * target);
  return target + rampMonths / 2;
}

/** Patients accrued by month t per unit plateau rate. */
function accrued(duration: number, rampMonths: number, t: number): number {
  const time = Math.min(t, duration);
  if (rampMonths === 0) return time;
  return time <= rampMonths ? (time * time) / (2 * rampMonths) : time - rampMonths / 2;
}

/**
 * The entry-time distribution of an accrual spec over its `months` (from {@link accrualDuration}), as pieces
 * of a density that is linear in the entry month e: intercept + slope · e on [start, end), integrating to 1.
 * Uniform accrual is one constant piece, a ramp a linear piece then a constant one, piecewise-uniform accrual
 * one constant piece per rate. Empty when `months` is 0 (everyone enters at month 0). The closed-form event
 * probabilities integrate over these pieces.
 */
export interface AccrualProfile {
  readonly months: number;
  readonly pieces: readonly DensityPiece[];
  /** P(entered by month t). */
  readonly cdf: (t: number) => number;
  /** Entry month at quantile q (0 ≤ q < 1). */
  readonly quantile: (q: number) => number;
}

export interface DensityPiece {
  readonly start: number;
  readonly end: number;
  readonly intercept: number;
  readonly slope: number;
}

/** The {@link AccrualProfile} of `spec` over `months`. O(pieces). */
export function accrualProfile(spec: AccrualSpec, months: number): AccrualProfile {
  if (spec.kind === "piecewise") return piecewiseProfile(spec.startMonths, spec.perMonth, months);
  const ramp = spec.rampMonths;
  const pieces: DensityPiece[] = [];
  if (months > 0) {
    const total = accrued(months, ramp, months);
    if (ramp === 0) pieces.push({ start: 0, end: months, intercept: 1 / months, slope: 0 });
    else {
      pieces.push({ start: 0, end: Math.min(ramp, months), intercept: 0, slope: 1 / (ramp * total) });
      if (months > ramp) pieces.push({ start: ramp, end: months, intercept: 1 / total, slope: 0 });
    }
  }
  return { months, pieces, cdf: (t) => accrualCdf(months, ramp, t), quantile: (q) => accrualQuantile(months, ramp, q) };
}

/** Months to accrue n at rates perMonth[j] from startMonths[j] (startMonths[0] = 0), the last rate open-ended. */
function piecewiseDuration(startMonths: readonly number[], perMonth: readonly number[], n: number): number {
  let accruedSoFar = 0;
  for (let j = 0; j < perMonth.length; j++) {
    const end = j + 1 < startMonths.length ? startMonths[j + 1] : Infinity;
    const inPiece = (end - startMonths[j]) * perMonth[j];
    if (accruedSoFar + inPiece >= n) return startMonths[j] + (n - accruedSoFar) / perMonth[j];
    accruedSoFar += inPiece;
  }
  return Infinity;
}

function piecewiseProfile(startMonths: readonly number[], perMonth: readonly number[], months: number): AccrualProfile {
  const starts: number[] = [];
  const rates: number[] = [];
  const cumulative: number[] = [0];
  for (let j = 0; j < perMonth.length && startMonths[j] < months; j++) {
    const end = j + 1 < startMonths.length ? Math.min(startMonths[j + 1], months) : months;
    starts.push(startMonths[j]);
    rates.push(perMonth[j]);
    cumulative.push(cumulative[j] + (end - startMonths[j]) * perMonth[j]);
  }
  const total = cumulative[cumulative.length - 1];
  const endOf = (j: number) => (j + 1 < starts.length ? starts[j + 1] : months);
  const pieces: DensityPiece[] = total > 0 ? starts.map((start, j) => ({ start, end: endOf(j), intercept: rates[j] / total, slope: 0 })) : [];
  const cdf = (t: number) => {
    if (t <= 0 || total === 0) return t <= 0 ? 0 : 1;
    if (t >= months) return 1;
    let j = 0;
    while (j + 1 < starts.length && starts[j + 1] <= t) j++;
    return (cumulative[j] + (t - starts[j]) * rates[j]) / total;
  };
  const quantile = (q: number) => {
    const target = q * total;
    let j = 0;
    while (j + 1 < starts.length && cumulative[j + 1] <= target) j++;
    return rates[j] > 0 ? Math.min(endOf(j), starts[j] + (target - cumulative[j]) / rates[j]) : starts[j];
  };
  return { months, pieces, cdf, quantile };
}
