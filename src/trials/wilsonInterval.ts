import { inverseNormalCdf } from "../math/inverseNormalCdf.js";

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927; Brown, Cai & DasGupta 2001 recommend it
 * over the Wald interval): `successes` out of `trials`, at the given confidence level (default 0.95). Stays
 * inside [0, 1] and keeps close to nominal coverage near 0 and 1 (type-I error runs). Runs in O(1).
 */
export function wilsonInterval(successes: number, trials: number, confLevel = 0.95): { readonly lower: number; readonly upper: number } {
  if (trials <= 0) return { lower: 0, upper: 1 };
  const z = inverseNormalCdf(1 - (1 - confLevel) / 2);
  const proportion = successes / trials;
  const zSquaredOverN = (z * z) / trials;
  const centre = (proportion + zSquaredOverN / 2) / (1 + zSquaredOverN);
  const halfWidth = (z / (1 + zSquaredOverN)) * Math.sqrt((proportion * (1 - proportion)) / trials + zSquaredOverN / (4 * trials));
  return { lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth) };
}
