import { describe, expect, it } from "vitest";
import { randomSource } from "../../src/random/index.js";
import { unitExponential } from "../../src/random/unitExponential.js";
import { calibrateCurveBaseline } from "../../src/simulate/calibrateCurveBaseline.js";
import { curveBaselineTime, logLogistic, mixture, type SurvivalModel, timeAtSurvival, weibull, withHazardRatio } from "../../src/survival/index.js";

const n = 20_000;

/** n unit exponentials from a seeded source, each divided by its patient's hazard ratio. */
function exposures(seed: string, hazardRatio: (i: number) => number): Float64Array {
  const source = randomSource(seed);
  return Float64Array.from({ length: n }, (_, i) => unitExponential(source()) / hazardRatio(i));
}

/** The survival of min(λ·t_k(xᵢ), Dᵢ) at `times`: the simulated population curve. */
function simulatedSurvival(x: Float64Array, death: Float64Array, family: "weibull" | "logLogistic", shape: number, scale: number, times: readonly number[]): number[] {
  return times.map((t) => {
    let alive = 0;
    for (let i = 0; i < n; i++) if (Math.min(scale * curveBaselineTime(family, shape, x[i]!), death[i]!) > t) alive++;
    return alive / n;
  });
}

const landmarks = [6, 12, 24, 36, 60];
// Two independent cohorts of n (the calibration's and the check's) each carry a binomial error √(S(1−S)/n) ≤ 0.0035:
// their difference has SD ≤ 0.005, so 4 SD is 0.02.
const monteCarloTolerance = 4 * Math.SQRT2 * Math.sqrt(0.25 / n);

describe("calibrateCurveBaseline", () => {
  it("calibrateCurveBaseline(E, no deaths, logLogistic(1.4, 29)) on a homogeneous cohort returns the target itself: shape and scale within 3%, landmarks within Monte Carlo error on an independent cohort (closed form)", () => {
    const target = logLogistic(1.4, 29);
    const none = new Float64Array(n).fill(Infinity);
    const fit = calibrateCurveBaseline(exposures("fit", () => 1), none, target, "logLogistic", 1, 10, 84, "test");
    expect(fit.baseline.family).toBe("logLogistic");
    expect(Math.abs(fit.baseline.shape / 1.4 - 1)).toBeLessThan(0.03);
    expect(Math.abs(fit.scale / 29 - 1)).toBeLessThan(0.03);
    expect(fit.largestDifference).toBeLessThan(monteCarloTolerance);
    const check = simulatedSurvival(exposures("check", () => 1), none, "logLogistic", fit.baseline.shape, fit.scale, landmarks);
    landmarks.forEach((t, k) => expect(Math.abs(check[k]! - target.survival(t))).toBeLessThan(monteCarloTolerance));
  });

  it("calibrateCurveBaseline recovers the baseline of a heterogeneous population with competing deaths: half the patients at HR 3, deaths at 0.01/month, target ½(S₀ + S₀³)·e^(−0.01t) with S₀ = Weibull(1.3, 20) (closed form)", () => {
    const baseline = weibull(1.3, 20);
    const deathRate = 0.01;
    const population = mixture([{ weight: 0.5, model: baseline }, { weight: 0.5, model: withHazardRatio(baseline, 3) }]);
    const survival = (t: number) => population.survival(t) * Math.exp(-deathRate * t);
    const target = { survival, median: timeAtSurvival(survival, 0.5, 10) } as unknown as SurvivalModel;
    const deaths = (seed: string) => {
      const source = randomSource(seed);
      return Float64Array.from({ length: n }, () => unitExponential(source()) / deathRate);
    };
    const hazardRatio = (i: number) => (i % 2 === 0 ? 1 : 3);
    // start the search far from the answer: shape 0.8, scale 8
    const fit = calibrateCurveBaseline(exposures("fit", hazardRatio), deaths("fit deaths"), target, "weibull", 0.8, 8, 60, "test");
    expect(Math.abs(fit.baseline.shape / 1.3 - 1)).toBeLessThan(0.04);
    expect(Math.abs(fit.scale / 20 - 1)).toBeLessThan(0.03);
    const check = simulatedSurvival(exposures("check", hazardRatio), deaths("check deaths"), "weibull", fit.baseline.shape, fit.scale, landmarks);
    landmarks.forEach((t, k) => expect(Math.abs(check[k]! - survival(t))).toBeLessThan(monteCarloTolerance));
  });

  it("calibrateCurveBaseline is deterministic and pinned for a seed (Weibull target on a homogeneous cohort)", () => {
    const none = new Float64Array(n).fill(Infinity);
    const fit = calibrateCurveBaseline(exposures("fit", () => 1), none, weibull(1.3, 20), "weibull", 1.3, 20, 60, "test");
    const again = calibrateCurveBaseline(exposures("fit", () => 1), none, weibull(1.3, 20), "weibull", 1.3, 20, 60, "test");
    expect(again).toEqual(fit);
    expect(fit.baseline.shape).toBeCloseTo(1.3, 1);
    expect({ shape: Number(fit.baseline.shape.toFixed(6)), scale: Number(fit.scale.toFixed(6)) }).toEqual({ shape: 1.314082, scale: 20.14899 });
  });

  it("calibrateCurveBaseline throws an InputError naming the figure when deaths make the target unreachable", () => {
    const early = new Float64Array(n).fill(1); // everyone dies at 1 month
    expect(() => calibrateCurveBaseline(exposures("fit", () => 1), early, logLogistic(1.4, 29), "logLogistic", 1.4, 29, 84, "example.x (captem)")).toThrow(/example\.x \(captem\).*cannot be reached/);
  });
});
