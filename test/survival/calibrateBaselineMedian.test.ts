import { describe, expect, it } from "vitest";
import { randomSource } from "../../src/random/index.js";
import { calibrateBaselineMedian, mixture, weibullFromMedian, withHazardRatio } from "../../src/survival/index.js";
import { medianStandardError, sampleMedian } from "../random/drawMany.js";

describe("calibrateBaselineMedian", () => {
  it("calibrateBaselineMedian(29, groups, weibull) gives a cohort median of 29, also on 200,000 simulated patients (4 SE)", () => {
    const groups = [
      { weight: 0.6, hazardRatio: 0.7 },
      { weight: 0.3, hazardRatio: 1.4 },
      { weight: 0.1, hazardRatio: 2.5 },
    ];
    const result = calibrateBaselineMedian(29, groups, (m) => weibullFromMedian(m, { shape: 1.2 }));
    expect(result.cohortMedian).toBeCloseTo(29, 8);
    const models = groups.map((g) => withHazardRatio(result.baseline, g.hazardRatio));
    const cohort = mixture(groups.map((g, i) => ({ weight: g.weight, model: models[i] })));
    const n = 200_000;
    const source = randomSource(3);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = source();
      const group = u < 0.6 ? 0 : u < 0.9 ? 1 : 2;
      values[i] = models[group].sample(source());
    }
    expect(Math.abs(sampleMedian(values) - 29)).toBeLessThan(4 * medianStandardError(cohort.density(29), n));
  });

  it("calibrateBaselineMedian with every HR = 1 returns the target as the baseline median", () => {
    const result = calibrateBaselineMedian(12, [{ weight: 1, hazardRatio: 1 }], (m) => weibullFromMedian(m, { shape: 1 }));
    expect(result.baselineMedian).toBeCloseTo(12, 10);
  });
});
