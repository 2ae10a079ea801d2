import type { AccrualSpec } from "./TrialDesign.js";

/**
 * Accrual with a rate that ramps linearly from zero to its plateau over R = `rampMonths` months, then stays
 * constant (R = 0: uniform). With plateau rate c, the number accrued by month t is c·t²/(2R) for t ≤ R and
 * c·(t − R/2) after.
 */

/** Months needed to accrue n patients: the spec's duration, or for a rate the time at which c·(t − R/2) = n. */
export function accrualDuration(spec: AccrualSpec, n: number): number {
  if (spec.kind === "duration") return spec.months;
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
