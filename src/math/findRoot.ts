/**
 * A root of a continuous function f on [lower, upper] where f(lower) and f(upper) have opposite signs (or one
 * is zero), by Brent's method: inverse quadratic interpolation and secant steps, safeguarded by bisection, so
 * it converges superlinearly on smooth functions and never worse than bisection. Stops when the bracket is
 * narrower than `tolerance` (absolute, plus 2 machine epsilons relative) or f is exactly 0; R's `uniroot`
 * is the same algorithm (zeroin).
 *
 * R. P. Brent, "Algorithms for Minimization without Derivatives" (1973), chapter 4. Cost: at most
 * `maxIterations` evaluations of f (about log2(width / tolerance) in the worst case, far fewer on smooth f).
 * Returns NaN when the bracket does not contain a sign change.
 */
export function findRoot(f: (x: number) => number, lower: number, upper: number, tolerance = 1e-12, maxIterations = 200): number {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(fa * fb < 0)) return NaN;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const middle = (c - b) / 2;
    if (Math.abs(middle) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolation: secant when only two points are distinct, inverse quadratic otherwise.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * middle * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * middle * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * middle * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = middle;
        e = d;
      }
    } else {
      d = middle;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : middle > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}
