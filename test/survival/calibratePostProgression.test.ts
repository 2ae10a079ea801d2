import { describe, expect, it } from "vitest";
import { randomSource } from "../../src/random/index.js";
import { calibratePostProgression, logNormalFromMedian, sumSurvival, weibullFromMedian, type SurvivalModel } from "../../src/survival/index.js";
import { medianStandardError, sampleMedian } from "../random/drawMany.js";

/** OS = PFS, or PFS + PPS when the PFS event is a progression (share 1 − deathShare), simulated n times. */
function simulateOverallSurvival(pfs: SurvivalModel, pps: SurvivalModel, deathShare: number, n: number, seed: number): Float64Array {
  const source = randomSource(seed);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const progressionFree = pfs.sample(source());
    const progressed = source() >= deathShare;
    const after = pps.sample(source());
    values[i] = progressed ? progressionFree + after : progressionFree;
  }
  return values;
}

describe("calibratePostProgression", () => {
  it("calibratePostProgression(Weibull PFS 11.4, OS target 47.5, Weibull PPS) hits the target deterministically", () => {
    const pfs = weibullFromMedian(11.4, { shape: 1.2 }); // sunitinib-like PFS; OS 47.5 months (review)
    const result = calibratePostProgression(pfs, 47.5, (m) => weibullFromMedian(m, { shape: 1 }));
    expect(result.overallSurvivalMedian).toBeCloseTo(47.5, 6);
    expect(result.postProgression.median).toBeCloseTo(result.postProgressionMedian, 10);
    expect(result.postProgressionMedian).toBeGreaterThan(0);
    expect(result.postProgressionMedian).toBeLessThan(47.5);
  });

  it("calibratePostProgression: 200,000 simulated PFS + PPS give an OS median within 4 SE of the target (no deaths before progression)", () => {
    const pfs = weibullFromMedian(11.4, { shape: 1.2 });
    const result = calibratePostProgression(pfs, 47.5, (m) => weibullFromMedian(m, { shape: 1 }));
    const n = 200_000;
    const values = simulateOverallSurvival(pfs, result.postProgression, 0, n, 21);
    const h = 0.01;
    const density = (sumSurvival(pfs, result.postProgression, 47.5 - h) - sumSurvival(pfs, result.postProgression, 47.5 + h)) / (2 * h);
    // SE ≈ 0.09 months; 4 SE ≈ 0.37 months (0.8% of 47.5).
    expect(Math.abs(sampleMedian(values) - 47.5)).toBeLessThan(4 * medianStandardError(density, n));
  });

  it("calibratePostProgression with { deathShareOfPfsEvents: 0.1 } and log-normal models: 200,000 simulated OS within 4 SE of 44", () => {
    const pfs = logNormalFromMedian(11, { shape: 0.9 }); // everolimus-like PFS; OS 44 months (review)
    const options = { deathShareOfPfsEvents: 0.1 };
    const result = calibratePostProgression(pfs, 44, (m) => logNormalFromMedian(m, { shape: 1.17 }), options);
    expect(result.overallSurvivalMedian).toBeCloseTo(44, 6);
    const n = 200_000;
    const values = simulateOverallSurvival(pfs, result.postProgression, 0.1, n, 22);
    const h = 0.01;
    const os = (t: number) => sumSurvival(pfs, result.postProgression, t, { continuingShare: 0.9 });
    const density = (os(44 - h) - os(44 + h)) / (2 * h);
    expect(Math.abs(sampleMedian(values) - 44)).toBeLessThan(4 * medianStandardError(density, n));
  });

  it("calibratePostProgression rejects an OS target at or below the PFS median", () => {
    const pfs = weibullFromMedian(29, { shape: 1.2 });
    expect(() => calibratePostProgression(pfs, 20, (m) => weibullFromMedian(m, { shape: 1 }))).toThrow(
      "calibratePostProgression cannot reach an OS median of 20 months: it must exceed the PFS median (29 months), because OS = PFS + post-progression survival",
    );
  });

  it("calibratePostProgression rejects a target beyond the ceiling when at least half of PFS events are deaths", () => {
    const pfs = weibullFromMedian(10, { shape: 1 });
    // With π = 0.6 the OS median stays below F⁻¹(1/(2·0.6)) = 10·log2(6) ≈ 25.8 months.
    expect(() => calibratePostProgression(pfs, 30, (m) => weibullFromMedian(m, { shape: 1 }), { deathShareOfPfsEvents: 0.6 })).toThrow(
      "however long post-progression survival is",
    );
    const reachable = calibratePostProgression(pfs, 20, (m) => weibullFromMedian(m, { shape: 1 }), { deathShareOfPfsEvents: 0.6 });
    expect(reachable.overallSurvivalMedian).toBeCloseTo(20, 6);
  });
});
