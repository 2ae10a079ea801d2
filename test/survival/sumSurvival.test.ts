import { describe, expect, it } from "vitest";
import { randomSource } from "../../src/random/index.js";
import { exponential, logNormal, sumMedian, sumSurvival, weibull } from "../../src/survival/index.js";
import { medianStandardError, sampleMedian } from "../random/drawMany.js";

describe("sumSurvival", () => {
  it("sumSurvival(exponential(a), exponential(b), t) matches the hypoexponential closed form to 1e-7", () => {
    // Textbook: P(T₁ + T₂ > t) = (b e^(−at) − a e^(−bt))/(b − a)
    const [a, b] = [0.05, 0.02];
    for (const t of [1, 10, 40, 120]) {
      const exact = (b * Math.exp(-a * t) - a * Math.exp(-b * t)) / (b - a);
      expect(Math.abs(sumSurvival(exponential(a), exponential(b), t) - exact)).toBeLessThan(1e-7);
    }
  });

  it("sumSurvival(exponential(a), exponential(a), t) matches the Erlang e^(−at)(1 + at)", () => {
    for (const t of [5, 30, 90]) expect(sumSurvival(exponential(0.04), exponential(0.04), t)).toBeCloseTo(Math.exp(-0.04 * t) * (1 + 0.04 * t), 7);
  });

  it("sumSurvival(first, second, t, { continuingShare: 0 }) is first's survival", () => {
    expect(sumSurvival(weibull(0.7, 20), exponential(0.1), 15, { continuingShare: 0 })).toBeCloseTo(weibull(0.7, 20).survival(15), 15);
    expect(() => sumSurvival(exponential(1), exponential(1), 1, { continuingShare: 2 })).toThrow("sumSurvival requires a continuing share in [0, 1], got 2");
  });

  it("sumMedian(weibull(0.7, 20), logNormal(log(15), 1)) agrees with 200,000 Monte Carlo sums within 4 SE", () => {
    const first = weibull(0.7, 20); // density infinite at 0: the Stieltjes form copes
    const second = logNormal(Math.log(15), 1);
    const median = sumMedian(first, second);
    const n = 200_000;
    const source = randomSource(5);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = first.sample(source()) + second.sample(source());
    const h = 1e-3 * median;
    const density = (sumSurvival(first, second, median - h) - sumSurvival(first, second, median + h)) / (2 * h);
    expect(Math.abs(sampleMedian(values) - median)).toBeLessThan(4 * medianStandardError(density, n));
  });
});
