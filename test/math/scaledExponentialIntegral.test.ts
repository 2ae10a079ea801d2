import { describe, expect, it } from "vitest";
import { scaledExponentialIntegral } from "../../src/math/scaledExponentialIntegral.js";

describe("scaledExponentialIntegral", () => {
  it("scaledExponentialIntegral(x) matches R's integral of exp(-v)/(x + v) over (0, Inf) to 1e-14 relative", () => {
    // Rscript -e 'E1s <- function(x) integrate(function(v) exp(-v)/(x+v), 0, Inf, rel.tol=1e-12, subdivisions=1000L)$value;
    //             for (x in c(0.01, 0.5, 1, 2, 10, 50, 700)) cat(sprintf("%.17g %.17g\n", x, E1s(x)))'
    const reference: [number, number][] = [
      [0.01, 4.0785114434564251],
      [0.5, 0.92291063248373062],
      [1, 0.59634736232319419],
      [2, 0.36132861688822254],
      [10, 0.091563333939788077],
      [50, 0.019615109930114869],
      [700, 0.0014265364183008867],
    ];
    for (const [x, r] of reference) expect(Math.abs(scaledExponentialIntegral(x) / r - 1), `x = ${x}`).toBeLessThan(2e-15);
  });

  it("scaledExponentialIntegral(x) near 0 is −γ − ln x + x − x²/4 + … (A&S 5.1.11), and 1/x − 1/x² + 2/x³ far out", () => {
    const x = 1e-8;
    expect(scaledExponentialIntegral(x)).toBeCloseTo(Math.exp(x) * (-0.57721566490153286 - Math.log(x) + x - (x * x) / 4), 13);
    const y = 1e6;
    expect(scaledExponentialIntegral(y)).toBeCloseTo(1 / y - 1 / y ** 2 + 2 / y ** 3, 20);
    // The two methods meet continuously at x = 1.
    expect(Math.abs(scaledExponentialIntegral(1 + 1e-12) / scaledExponentialIntegral(1) - 1)).toBeLessThan(1e-11);
  });

  it("scaledExponentialIntegral(x) is NaN for x ≤ 0 and 0 at Infinity", () => {
    expect(scaledExponentialIntegral(0)).toBeNaN();
    expect(scaledExponentialIntegral(-1)).toBeNaN();
    expect(scaledExponentialIntegral(NaN)).toBeNaN();
    expect(scaledExponentialIntegral(Infinity)).toBe(0);
  });
});
