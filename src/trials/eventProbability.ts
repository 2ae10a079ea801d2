import { accrualCdf, type AccrualProfile } from "./accrual.js";
import type { ArmModel } from "./armModel.js";
import { cumulativeHazard, scaleHazard, type PiecewiseHazard } from "./piecewiseHazard.js";

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

/**
 * Probability that a patient of an arm has an observed event (before loss to follow-up) by calendar month τ,
 * entering at a random time drawn from `accrual`, with event hazard multiplied by `hazardMultiplier` (a
 * stratum) and loss to follow-up at the piecewise-constant hazard `dropout`:
 *
 *   P(τ) = ∫ g(e) F(τ − e) de,   F(s) = ∫₀ˢ λ(u) e^{−Λ(u) − H(u)} du
 *
 * with g the entry density (pieces linear in e, {@link AccrualProfile}), λ and Λ the arm's hazard and
 * cumulative hazard, H the dropout's cumulative hazard. When the arm's hazard is piecewise constant
 * (exponential, piecewise-exponential, a hazard ratio to one, or a delayed effect) both integrals are
 * exact: on each piece of the merged hazards F(s) = A − B e^{−r(s − b)}, and ∫ (α + βs)(A − B e^{−r(s−b)}) ds
 * has a closed form (rpact's `getEventProbabilities` integrates the same F numerically; the two agree to
 * about 1e-12). Other arms (Weibull shapes ≠ 1, mixtures, empirical curves) are integrated numerically on
 * {@link integrationSteps} intervals by the midpoint rule on increments of F. Cost: O(pieces²) closed form,
 * O(steps) numeric.
 */
export function armEventProbability(arm: ArmModel, hazardMultiplier: number, dropout: PiecewiseHazard, accrual: AccrualProfile, calendarMonth: number): number {
  if (!(calendarMonth > 0)) return 0;
  if (arm.hazard !== null) return closedFormEventProbability(hazardMultiplier === 1 ? arm.hazard : scaleHazard(arm.hazard, hazardMultiplier), dropout, accrual, calendarMonth);
  const step = calendarMonth / integrationSteps;
  let previous = 0;
  let total = 0;
  for (let i = 1; i <= integrationSteps; i++) {
    const t = i * step;
    const distribution = 1 - Math.pow(arm.survival(t), hazardMultiplier);
    const middle = t - step / 2;
    total += (distribution - previous) * Math.exp(-cumulativeHazard(dropout, middle)) * accrual.cdf(calendarMonth - middle);
    previous = distribution;
  }
  return total;
}

/** One piece of F(s) = A − B e^{−r(s − start)} on [start, end). */
interface CdfPiece {
  readonly start: number;
  readonly end: number;
  readonly a: number;
  readonly b: number;
  readonly rate: number;
}

/** F(s) of a piecewise-constant event hazard with piecewise-constant dropout, as pieces on the merged breakpoints. */
function observedEventCdf(event: PiecewiseHazard, dropout: PiecewiseHazard): CdfPiece[] {
  const breaks = [...new Set([...event.starts, ...dropout.starts])].sort((x, y) => x - y);
  const pieces: CdfPiece[] = [];
  let atStart = 0;
  let surviving = 1;
  for (let j = 0; j < breaks.length; j++) {
    const start = breaks[j];
    const end = j + 1 < breaks.length ? breaks[j + 1] : Infinity;
    const lambda = rateAt(event, start);
    const total = lambda + rateAt(dropout, start);
    if (total > 0) {
      const b = (lambda / total) * surviving;
      pieces.push({ start, end, a: atStart + b, b, rate: total });
      if (end < Infinity) {
        atStart += b * -Math.expm1(-total * (end - start));
        surviving *= Math.exp(-total * (end - start));
      }
    } else pieces.push({ start, end, a: atStart, b: 0, rate: 0 });
  }
  return pieces;
}

/** The rate in force at time t (the piece whose start is the last ≤ t). */
function rateAt(hazard: PiecewiseHazard, t: number): number {
  let j = 0;
  while (j + 1 < hazard.starts.length && hazard.starts[j + 1] <= t) j++;
  return hazard.rates[j];
}

function closedFormEventProbability(event: PiecewiseHazard, dropout: PiecewiseHazard, accrual: AccrualProfile, calendarMonth: number): number {
  const pieces = observedEventCdf(event, dropout);
  if (accrual.pieces.length === 0) {
    // Everyone entered at month 0.
    const piece = pieces.find((p) => calendarMonth < p.end) ?? pieces[pieces.length - 1];
    return piece.a - piece.b * Math.exp(-piece.rate * (calendarMonth - piece.start));
  }
  let total = 0;
  for (const density of accrual.pieces) {
    if (density.start >= calendarMonth) continue;
    // Entry e in [start, min(end, τ)] ↔ follow-up s = τ − e in [low, high]; density in s: α + β s.
    const low = calendarMonth - Math.min(density.end, calendarMonth);
    const high = calendarMonth - density.start;
    const alpha = density.intercept + density.slope * calendarMonth;
    const beta = -density.slope;
    for (const piece of pieces) {
      const s1 = Math.max(low, piece.start);
      const s2 = Math.min(high, piece.end);
      if (!(s2 > s1)) continue;
      total += integrateLinearTimesCdf(alpha, beta, piece, s1, s2);
    }
  }
  return total;
}

/** ∫_{s1}^{s2} (α + β s)(A − B e^{−r(s − start)}) ds, exactly. */
function integrateLinearTimesCdf(alpha: number, beta: number, piece: CdfPiece, s1: number, s2: number): number {
  const width = s2 - s1;
  const polynomial = alpha * width + (beta * width * (s1 + s2)) / 2;
  if (piece.b === 0) return piece.a * polynomial;
  const r = piece.rate;
  const x = r * width;
  // E0 = ∫₀^Δ e^{−ru} du, E1 = ∫₀^Δ u e^{−ru} du (series for small rΔ, where 1 − e^{−x}(1 + x) cancels).
  const e0 = -Math.expm1(-x) / r;
  const e1 = x < 1e-3 ? width * width * (0.5 - x / 3 + (x * x) / 8 - (x * x * x) / 30 + (x * x * x * x) / 144) : (-Math.expm1(-x) - x * Math.exp(-x)) / (r * r);
  return piece.a * polynomial - piece.b * Math.exp(-r * (s1 - piece.start)) * ((alpha + beta * s1) * e0 + beta * e1);
}
