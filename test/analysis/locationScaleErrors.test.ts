import { describe, expect, it } from "vitest";
import { extremeValueError, logisticError, normalError, type LocationScaleError } from "../../src/analysis/locationScaleErrors.js";

const z = [-3, 0, 1.5, 29.9, 30.1, 40];

function values(error: LocationScaleError, at: number): Float64Array {
  const out = new Float64Array(6);
  error.evaluate(at, out);
  return out;
}

describe("locationScaleErrors", () => {
  it("normalError.evaluate(z) gives R's dnorm(z, log = TRUE) and pnorm(z, lower.tail = FALSE, log.p = TRUE), across the z = 30 switch", () => {
    // Rscript -e 'z <- c(-3, 0, 1.5, 29.9, 30.1, 40); print(pnorm(z, lower.tail = FALSE, log.p = TRUE), digits = 17); print(dnorm(z, log = TRUE), digits = 17)'
    const logS = [-0.0013508099647481938, -Math.LN2, -2.7059444008238898, -451.32291245852861, -457.32956441638225, -804.6084420137538];
    const logF = [-5.4189385332046731, -0.91893853320467278, -2.0439385332046727, -447.92393853320459, -453.9239385332047, -800.91893853320471];
    z.forEach((x, i) => {
      const out = values(normalError, x);
      expect(out[0]! / logF[i]!).toBeCloseTo(1, 14);
      expect(out[3]! / logS[i]!).toBeCloseTo(1, 13);
    });
  });

  it("logisticError.evaluate(z) gives R's dlogis(z, log = TRUE) and plogis(z, lower.tail = FALSE, log.p = TRUE)", () => {
    // Rscript -e 'z <- c(-3, 0, 1.5, 29.9, 30.1, 40); print(plogis(z, lower.tail = FALSE, log.p = TRUE), digits = 17); print(dlogis(z, log = TRUE), digits = 17)'
    const logS = [-0.048587351573742062, -Math.LN2, -1.7014132779827524, -29.900000000000102, -30.100000000000087, -40];
    const logF = [-3.0971747031474837, -1.3862943611198906, -1.9028265559655049, -29.900000000000205, -30.100000000000172, -40];
    z.forEach((x, i) => {
      const out = values(logisticError, x);
      expect(out[0]! / logF[i]!).toBeCloseTo(1, 14);
      expect(out[3]! / logS[i]!).toBeCloseTo(1, 14);
    });
  });

  it("extremeValueError.evaluate(z) is ln f = z − eᶻ, ln S = −eᶻ (R's dweibull/pweibull at t = eᶻ, shape 1)", () => {
    const out = values(extremeValueError, 0.5);
    expect(out[0]).toBeCloseTo(0.5 - Math.exp(0.5), 15);
    expect(out[3]).toBeCloseTo(-Math.exp(0.5), 15);
  });

  it.each([["extreme", extremeValueError], ["logistic", logisticError], ["gaussian", normalError]] as const)(
    "%s: the first and second derivatives match central differences and are log-concave",
    (_name, error) => {
      for (const x of [-4, -1, 0, 0.7, 2, 6, 29.95, 31]) {
        const h = 1e-4;
        const at = values(error, x);
        const up = values(error, x + h);
        const down = values(error, x - h);
        for (const [value, first, second] of [[0, 1, 2], [3, 4, 5]] as const) {
          const scale = Math.max(1, Math.abs(at[first]!));
          expect(Math.abs((up[value]! - down[value]!) / (2 * h) - at[first]!) / scale, `z = ${x}, d${value}`).toBeLessThan(1e-6);
          expect(Math.abs((up[first]! - down[first]!) / (2 * h) - at[second]!) / Math.max(1, Math.abs(at[second]!)), `z = ${x}, d²${value}`).toBeLessThan(1e-6);
          expect(at[second]!).toBeLessThanOrEqual(0);
        }
      }
    },
  );
});
