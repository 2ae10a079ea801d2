/**
 * A root of a continuous function f on [low, high] where f(low) and f(high) have opposite signs (or one is 0),
 * by the Illinois variant of regula falsi (Dowell & Jarratt 1971): superlinear like the secant method, but
 * the bracket always holds the root, so it cannot diverge. Stops when the bracket is narrower than
 * `tolerance` (absolute) or f is exactly 0; at most `maxIterations` evaluations (then returns the best point).
 * Throws when the ends do not bracket a root.
 */
export function findRoot(f: (x: number) => number, low: number, high: number, tolerance = 1e-12, maxIterations = 500): number {
  let a = low;
  let b = high;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(fa * fb < 0)) throw new RangeError(`findRoot requires f(low) and f(high) of opposite signs, got f(${low}) = ${fa} and f(${high}) = ${fb}`);
  let side = 0;
  for (let iteration = 0; iteration < maxIterations && Math.abs(b - a) > tolerance; iteration++) {
    let c = (a * fb - b * fa) / (fb - fa);
    if (!(c > Math.min(a, b) && c < Math.max(a, b))) c = 0.5 * (a + b);
    const fc = f(c);
    if (fc === 0) return c;
    if (fc * fb < 0) {
      a = b;
      fa = fb;
      side = 0;
    } else if (side === -1) {
      fa *= 0.5;
    } else {
      side = -1;
    }
    // Bisect every so often so that pathological shapes still shrink the bracket geometrically.
    b = c;
    fb = fc;
    if (iteration % 8 === 7) {
      const middle = 0.5 * (a + b);
      const fMiddle = f(middle);
      if (fMiddle === 0) return middle;
      if (fMiddle * fb < 0) {
        a = b;
        fa = fb;
      }
      b = middle;
      fb = fMiddle;
      side = 0;
    }
  }
  return Math.abs(fa) < Math.abs(fb) ? a : b;
}
