// (−1)^k (ζ(k) − 1)/k for k = 2, 3, …, 28: the Taylor coefficients of ln Γ(1 + e) once the −γe and
// e − ln(1 + e) parts are taken out. Computed in R by Euler–Maclaurin summation of Σ_{n≥2} n^−k.
const ZETA_SERIES = [
  0.3224670334241132, -0.067352301053198102, 0.02058080842778455, -0.0073855510286739857, 0.0028905103307415234,
  -0.001192753911703261, 0.00050966952474304245, -0.00022315475845357936, 9.9457512781808531e-5, -4.4926236738133142e-5,
  2.0507212775670694e-5, -9.439488275268395e-6, 4.3748667899074873e-6, -2.0392157538013662e-6, 9.5514121304074194e-7,
  -4.4924691987645662e-7, 2.1207184805554667e-7, -1.00432248239681e-7, 4.7698101693639811e-8, -2.2711094608943164e-8,
  1.0838659214896955e-8, -5.1834750419700466e-9, 2.4836745438024785e-9, -1.1921401405860912e-9, 5.7313672416788623e-10,
  -2.7595228851242334e-10, 1.3304764374244491e-10,
];
const EULER_GAMMA = 0.57721566490153286;
const HALF_LOG_TWO_PI = 0.91893853320467274178;

/**
 * The natural logarithm of the gamma function, ln Γ(x): R's `lgamma(x)`.
 *
 * - x ≥ 10: Stirling's series (x − ½) ln x − x + ½ ln 2π + 1/(12x) − 1/(360x³) + … (seven terms; the first
 *   omitted one is below 3e-17 at x = 10).
 * - ½ ≤ x < 2.5: the Taylor series of ln Γ(1 + e) around the two roots x = 1 and x = 2,
 *   ln Γ(1 + e) = −γe + (e − ln(1 + e)) + Σ_{k≥2} (−1)^k (ζ(k) − 1) e^k / k, |e| ≤ ½, and
 *   ln Γ(2 + e) = ln Γ(1 + e) + ln(1 + e); this keeps full *relative* accuracy next to the roots, where a
 *   Lanczos sum only has absolute accuracy (1e-15 absolute is a 1e-6 relative error at x = 2 + 1e-9).
 * - 2.5 ≤ x < 10: the recurrence ln Γ(x) = ln Γ(x − n) + ln((x − 1)…(x − n)) down into [1.5, 2.5).
 * - 0 < x < ½: ln Γ(x) = ln Γ(1 + x) − ln x. x ≤ 0: the reflection formula (+Infinity at the poles).
 *
 * Relative error about 5e-16 against R over (0, 1e4] (Abramowitz & Stegun 6.1.40–6.1.41 and 6.1.33).
 * Constant time: at most eight multiplications, 27 Horner steps and two logarithms; no allocation.
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) {
    if (Number.isInteger(x)) return Infinity;
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x >= 10) {
    if (x === Infinity) return Infinity;
    const inverse = 1 / x;
    const inverseSquare = inverse * inverse;
    const correction =
      inverse *
      (1 / 12 -
        inverseSquare *
          (1 / 360 - inverseSquare * (1 / 1260 - inverseSquare * (1 / 1680 - inverseSquare * (1 / 1188 - inverseSquare * (691 / 360360 - inverseSquare / 156))))));
    return HALF_LOG_TWO_PI + (x - 0.5) * Math.log(x) - x + correction;
  }
  if (x < 0.5) return logGammaOnePlus(x) - Math.log(x);
  if (x < 1.5) return logGammaOnePlus(x - 1);
  if (x < 2.5) return logGammaOnePlus(x - 2) + Math.log1p(x - 2);
  // Each subtraction of 1 is exact, so the reduced argument carries no rounding.
  let reduced = x;
  let product = 1;
  while (reduced >= 2.5) {
    reduced -= 1;
    product *= reduced;
  }
  return logGammaOnePlus(reduced - 2) + Math.log1p(reduced - 2) + Math.log(product);
}

/** ln Γ(1 + e) for |e| ≤ ½ by its Taylor series (see {@link logGamma}). */
function logGammaOnePlus(e: number): number {
  let sum = 0;
  for (let k = ZETA_SERIES.length - 1; k >= 0; k--) sum = (sum + ZETA_SERIES[k]!) * e;
  return e * (sum - EULER_GAMMA) + (e - Math.log1p(e));
}
