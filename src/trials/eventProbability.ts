import { accrualCdf } from "./accrual.js";
import type { ArmModel } from "./armModel.js";

/** Number of grid intervals for the numeric integrals over follow-up time. */
export const integrationSteps = 4000;

/**
 * Probability that a patient of an arm has an observed event (before dropout) by calendar month τ of the
 * trial, entering at a random time of the accrual period [0, A] (ramp R):
 *
 *   P(τ) = ∫₀^τ P(entry ≤ τ − t) · e^{−η t} dF(t)
 *
 * with F = 1 − S^m the event-time distribution in a stratum with hazard multiplier m and η the dropout rate.
 * Integrated on a grid of {@link integrationSteps} intervals by the midpoint rule on increments of F (so it
 * copes with any shape, including Weibull shapes below 1). For an exponential arm and uniform accrual it
 * matches the closed form λ/(λ+η) · [1 − (e^{−(λ+η)(τ−A)} − e^{−(λ+η)τ}) / ((λ+η)A)] to about 1e-7.
 * Runs in O(steps).
 */
export function eventProbability(arm: ArmModel, hazardMultiplier: number, dropoutRate: number, accrualMonths: number, rampMonths: number, calendarMonth: number): number {
  const step = calendarMonth / integrationSteps;
  let previous = 0;
  let total = 0;
  for (let i = 1; i <= integrationSteps; i++) {
    const t = i * step;
    const distribution = 1 - Math.pow(arm.survival(t), hazardMultiplier);
    const middle = t - step / 2;
    total += (distribution - previous) * Math.exp(-dropoutRate * middle) * accrualCdf(accrualMonths, rampMonths, calendarMonth - middle);
    previous = distribution;
  }
  return total;
}

/** Closed form of {@link eventProbability} for an exponential arm (rate λ), uniform accrual over A and analysis at τ ≥ A. */
export function exponentialEventProbability(rate: number, dropoutRate: number, accrualMonths: number, calendarMonth: number): number {
  const total = rate + dropoutRate;
  const minimumFollowUp = calendarMonth - accrualMonths;
  if (accrualMonths === 0) return (rate / total) * -Math.expm1(-total * calendarMonth);
  return (rate / total) * (1 - (Math.exp(-total * minimumFollowUp) - Math.exp(-total * calendarMonth)) / (total * accrualMonths));
}
