import { findRoot } from "./findRoot.js";

/**
 * The time t ≥ 0 at which a non-increasing survival function reaches `level` (default 0.5: the median),
 * i.e. S(t) = level, found by bracketing (doubling from `guess` until S < level) and then {@link findRoot}
 * to a relative 1e-12. Returns Infinity if S stays at or above `level` up to 1e12·guess.
 * Cost: about 40–80 evaluations of `survival`.
 */
export function timeAtSurvival(survival: (time: number) => number, level = 0.5, guess = 1): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`timeAtSurvival requires a level in (0, 1), got ${level}`);
  if (!(guess > 0)) throw new RangeError(`timeAtSurvival requires a positive guess, got ${guess}`);
  let low = 0;
  let high = guess;
  while (survival(high) > level) {
    low = high;
    high *= 2;
    if (high > guess * 1e12) return Infinity;
  }
  while (low === 0 && high > guess * 1e-12 && survival(high / 2) <= level) high /= 2;
  if (low === 0) low = high / 2;
  if (survival(low) <= level) return low;
  return findRoot((t) => survival(t) - level, low, high, high * 1e-13);
}

/** The median of a survival function: {@link timeAtSurvival} at level 0.5. */
export function medianOfSurvival(survival: (time: number) => number, guess = 1): number {
  return timeAtSurvival(survival, 0.5, guess);
}
