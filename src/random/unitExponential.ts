/**
 * Half the spacing of the uniforms a seeded source returns: Alea's numbers are multiples of 2⁻³² in [0, 1),
 * so 2⁻³³ lies strictly between 0 and the smallest non-zero number it can return.
 */
export const halfUniformSpacing = 2 ** -33;

/**
 * A unit exponential (rate 1) from a uniform u in [0, 1) by inverse transform: E = −ln(1 − u), increasing in u
 * (so common random numbers stay comonotone). The source can return exactly 0 (probability 2⁻³² per number —
 * about once in every 300 million, so several times in a 10,000,000-patient run), which would make E, and so a
 * survival or censoring time, exactly 0; u = 0 is read as {@link halfUniformSpacing} instead, so that every time
 * is strictly positive (E ≈ 1.2e-10). Any other u gives exactly −Math.log1p(−u). O(1), no allocation.
 */
export function unitExponential(uniform: number): number {
  return -Math.log1p(-(uniform > 0 ? uniform : halfUniformSpacing));
}
