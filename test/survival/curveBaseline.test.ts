import { describe, expect, it } from "vitest";
import { curveBaselineCumulativeHazard, curveBaselineModel, curveBaselineOf, curveBaselineTime, type CurveBaseline, exponential, gompertz, logLogistic, logNormal, weibull } from "../../src/survival/index.js";

const baselines: CurveBaseline[] = [
  { family: "exponential", shape: 1 },
  { family: "weibull", shape: 0.7 },
  { family: "weibull", shape: 1.6 },
  { family: "logLogistic", shape: 1.4 },
  { family: "logLogistic", shape: 0.8 },
  { family: "logNormal", shape: 1.1 },
  { family: "gompertz", shape: 0.3 },
  { family: "gompertz", shape: -0.5 },
  { family: "gompertz", shape: 0 },
];

describe("curveBaseline", () => {
  it("curveBaselineTime(family, shape, x) inverts the cumulative hazard: H(λ·t(x)) = x for the engine's model at scale λ (1e-12 relative)", () => {
    const scale = 23.5;
    for (const baseline of baselines) {
      const model = curveBaselineModel(baseline, scale);
      for (const x of [1e-6, 0.01, 0.3, Math.LN2, 0.7, 1, 2.5, 8, 30]) {
        const t = curveBaselineTime(baseline.family, baseline.shape, x);
        if (t === Infinity) {
          // beyond the Gompertz plateau: the cumulative hazard never reaches x
          expect(baseline.family === "gompertz" && baseline.shape * x <= -1).toBe(true);
          continue;
        }
        // relative 1e-12, or 1e-15 absolute where −ln S of a survival near 1 is all the model's H can resolve
        expect(Math.abs(model.cumulativeHazard(scale * t) - x)).toBeLessThan(1e-12 * x + 1e-15);
      }
    }
  });

  it("curveBaselineTime by hand: Weibull k = 2, x = 4 → 2; log-logistic k = 1, x = ln 2 → 1 (the median); log-normal x = ln 2 → 1; Gompertz c = −0.5 beyond x = 2 → Infinity", () => {
    expect(curveBaselineTime("weibull", 2, 4)).toBe(2);
    expect(curveBaselineTime("logLogistic", 1, Math.LN2)).toBeCloseTo(1, 15);
    expect(curveBaselineTime("logNormal", 0.9, Math.LN2)).toBeCloseTo(1, 15);
    expect(curveBaselineTime("gompertz", -0.5, 2)).toBe(Infinity);
    expect(curveBaselineTime("gompertz", -0.5, 1.9)).toBeCloseTo(Math.log(0.05) / -0.5, 12);
    expect(curveBaselineTime("exponential", 1, 3.25)).toBe(3.25);
  });

  it("curveBaselineOf(model) and curveBaselineModel(baseline, scale) are inverse: the same survival curve", () => {
    for (const model of [exponential(0.03), weibull(1.3, 20), logLogistic(1.4, 29), logNormal(3.1, 0.95), gompertz(-0.02, 0.05), gompertz(0.01, 0.02)]) {
      const { baseline, scale } = curveBaselineOf(model)!;
      const back = curveBaselineModel(baseline, scale);
      for (const t of [1, 6, 12, 24, 60, 120]) expect(Math.abs(back.survival(t) - model.survival(t))).toBeLessThan(1e-14);
    }
    expect(curveBaselineOf(logLogistic(1.4, 29))).toEqual({ baseline: { family: "logLogistic", shape: 1.4 }, scale: 29 });
  });
});

describe("curveBaselineCumulativeHazard", () => {
  it("curveBaselineCumulativeHazard(family, shape, t) inverts curveBaselineTime: H₀(t_k(x)) = x (1e-12 relative), and is 0 at t = 0", () => {
    for (const baseline of baselines) {
      for (const x of [0.01, 0.3, 1, 2.5, 8]) {
        const t = curveBaselineTime(baseline.family, baseline.shape, x);
        if (t === Infinity) continue;
        expect(Math.abs(curveBaselineCumulativeHazard(baseline.family, baseline.shape, t) - x)).toBeLessThan(1e-12 * x + 1e-15);
      }
      expect(curveBaselineCumulativeHazard(baseline.family, baseline.shape, 0)).toBe(0);
    }
  });
});
