import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { everyFamily } from "./models.js";

const time = fc.double({ min: 0.01, max: 200, noNaN: true });
const probability = fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true });

describe.each(everyFamily)("SurvivalModel %s", (_name, model) => {
  it("model.quantile(1 − model.survival(t)) round-trips to t", () => {
    fc.assert(
      fc.property(time, (t) => {
        const survival = model.survival(t);
        if (survival < 1e-10 || survival > 1 - 1e-10) return; // no resolution left in S
        expect(Math.abs(model.quantile(1 - survival) - t)).toBeLessThanOrEqual(1e-7 * t);
      }),
      { numRuns: 200 },
    );
  });

  it("model.survival(model.quantile(p)) = 1 − p and model.median = model.quantile(0.5)", () => {
    fc.assert(fc.property(probability, (p) => {
      expect(model.survival(model.quantile(p))).toBeCloseTo(1 - p, 9);
    }), { numRuns: 200 });
    expect(model.survival(model.median)).toBeCloseTo(0.5, 12);
  });

  it("model.hazard = density/survival and model.cumulativeHazard = −ln survival, whose derivative is the hazard", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 100, noNaN: true }), (t) => {
        expect(model.hazard(t)).toBeCloseTo(model.density(t) / model.survival(t), 12);
        expect(model.cumulativeHazard(t)).toBeCloseTo(-Math.log(model.survival(t)), 12);
        if (model.family === "piecewiseExponential") return; // kinks at the cutpoints
        const h = 1e-5 * t;
        const slope = (model.cumulativeHazard(t + h) - model.cumulativeHazard(t - h)) / (2 * h);
        expect(Math.abs(slope - model.hazard(t))).toBeLessThanOrEqual(1e-6 * model.hazard(t) + 1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it("model.sample(u) is non-decreasing in u (comonotone coupling for common random numbers)", () => {
    fc.assert(
      fc.property(probability, probability, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(model.sample(low)).toBeLessThanOrEqual(model.sample(high));
      }),
      { numRuns: 200 },
    );
    expect(model.sample(0)).toBe(0);
  });
});
