/**
 * A piecewise-constant hazard (piecewise-exponential distribution): `rates[j]` per month from `starts[j]` to
 * `starts[j + 1]`, the last rate for ever; `starts[0]` is 0. An exponential distribution is one piece. Used
 * for arms (rpact's `piecewiseSurvivalTime` / `lambda`) and for loss to follow-up.
 */
export interface PiecewiseHazard {
  readonly starts: readonly number[];
  readonly rates: readonly number[];
}

/** Cumulative hazard H(t) = ∫₀ᵗ h. O(pieces). */
export function cumulativeHazard(hazard: PiecewiseHazard, t: number): number {
  const { starts, rates } = hazard;
  let total = 0;
  for (let j = 0; j < rates.length; j++) {
    const end = j + 1 < starts.length ? starts[j + 1] : Infinity;
    if (t <= end) return total + rates[j] * (t - starts[j]);
    total += rates[j] * (end - starts[j]);
  }
  return total;
}

/** The time t with H(t) = h (inverse cumulative hazard); Infinity when H never reaches h. O(pieces). */
export function inverseCumulativeHazard(hazard: PiecewiseHazard, h: number): number {
  const { starts, rates } = hazard;
  let total = 0;
  for (let j = 0; j < rates.length; j++) {
    const end = j + 1 < starts.length ? starts[j + 1] : Infinity;
    const inPiece = rates[j] * (end - starts[j]);
    if (total + inPiece >= h) return rates[j] > 0 ? starts[j] + (h - total) / rates[j] : end;
    total += inPiece;
  }
  return Infinity;
}

/** The hazard multiplied by m (a proportional-hazards effect or a stratum multiplier). */
export function scaleHazard(hazard: PiecewiseHazard, m: number): PiecewiseHazard {
  return { starts: hazard.starts, rates: hazard.rates.map((rate) => rate * m) };
}
