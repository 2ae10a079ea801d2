import { describe, expect, it } from "vitest";
import { randomSource } from "../../src/random/randomSource.js";
import { headToHead } from "../../src/simulate/headToHead.js";

/**
 * Two exponential strategies on the same patients (common random numbers: one uniform per patient drives both
 * times), administratively censored at 60 months. Closed forms: S(t) = exp(−λt); RMST(τ) = (1 − exp(−λτ)) / λ.
 */
function pairedExponential(n: number, seed: number, medianReference: number, medianStrategy: number) {
  const random = randomSource(seed);
  const columns = () => ({ time: new Float64Array(n), event: new Uint8Array(n) });
  const reference = columns();
  const strategy = columns();
  for (let i = 0; i < n; i++) {
    const e = -Math.log(1 - random());
    const a = (e * medianReference) / Math.LN2;
    const b = (e * medianStrategy) / Math.LN2;
    reference.time[i] = Math.min(a, 60);
    reference.event[i] = a < 60 ? 1 : 0;
    strategy.time[i] = Math.min(b, 60);
    strategy.event[i] = b < 60 ? 1 : 0;
  }
  return { reference, strategy };
}
const survival = (median: number, t: number) => Math.exp((-Math.LN2 * t) / median);
const rmst = (median: number, tau: number) => ((1 - Math.exp((-Math.LN2 * tau) / median)) * median) / Math.LN2;

describe("headToHead(reference, strategy, n, options)", () => {
  it("headToHead(two paired exponentials) matches the closed-form survival and RMST differences within 4 Monte Carlo standard errors", () => {
    const n = 20_000;
    const { reference, strategy } = pairedExponential(n, 7, 12, 18);
    const result = headToHead(reference, strategy, n, { tau: 36, grid: [0, 6, 12, 24, 36], landmarks: [24, 12] });
    expect(result.landmarks.map((p) => p.months)).toEqual([12, 24]);
    for (const point of [...result.curve, ...result.landmarks]) {
      const truth = survival(18, point.months) - survival(12, point.months);
      if (point.months === 0) {
        expect(point.difference.estimate).toBe(0);
        continue;
      }
      const se = point.difference.monteCarlo.standardError!;
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(point.difference.estimate! - truth), `t = ${point.months}`).toBeLessThan(4 * se);
      expect(point.reference).toBeCloseTo(survival(12, point.months), 1);
    }
    const truth = rmst(18, 36) - rmst(12, 36);
    expect(result.rmstDifference.tau).toBe(36);
    expect(Math.abs(result.rmstDifference.estimate! - truth)).toBeLessThan(4 * result.rmstDifference.monteCarlo.standardError!);
    expect(result.rmstDifference.monteCarlo.batches).toBe(39); // 4 full blocks × 8 batches + the last 3,616 patients as 7
  });

  it("headToHead's 95% Monte Carlo intervals cover the closed-form ΔRMST and 12-month difference in about 95% of 60 seeds", () => {
    // 60 seeds: the count covered is Binomial(60, 0.95) if the intervals are right, mean 57, sd 1.7; 52 or more (3 sd
    // below) passes, while intervals half as wide as they should be (coverage ≈ 68%, ~41 of 60) fail.
    let rmstCovered = 0;
    let landmarkCovered = 0;
    const trueRmst = rmst(18, 36) - rmst(12, 36);
    const trueLandmark = survival(18, 12) - survival(12, 12);
    for (let seed = 1; seed <= 60; seed++) {
      const { reference, strategy } = pairedExponential(4096, seed, 12, 18);
      const result = headToHead(reference, strategy, 4096, { tau: 36, grid: [], landmarks: [12] });
      const r = result.rmstDifference.monteCarlo;
      if (r.lower! <= trueRmst && trueRmst <= r.upper!) rmstCovered++;
      const l = result.landmarks[0]!.difference.monteCarlo;
      if (l.lower! <= trueLandmark && trueLandmark <= l.upper!) landmarkCovered++;
    }
    expect(rmstCovered).toBeGreaterThanOrEqual(52);
    expect(landmarkCovered).toBeGreaterThanOrEqual(52);
  });

  it("headToHead(identical strategies) gives zero differences with a zero-width interval, and rejects tau ≤ 0", () => {
    const { reference } = pairedExponential(1000, 3, 12, 12);
    const same = headToHead(reference, reference, 1000, { tau: 24, grid: [12], landmarks: [] });
    expect(same.curve[0]!.difference.estimate).toBe(0);
    expect(same.rmstDifference.estimate).toBe(0);
    expect(() => headToHead(reference, reference, 1000, { tau: 0, grid: [] })).toThrow("headToHead requires tau > 0, got 0");
  });
});
