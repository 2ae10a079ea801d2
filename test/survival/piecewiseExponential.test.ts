import { describe, expect, it } from "vitest";
import { piecewiseExponential, piecewiseExponentialFromMedian, piecewiseExponentialFromMedianAndLandmark } from "../../src/survival/index.js";
import { drawMany, medianStandardError, sampleMean, sampleMedian } from "../random/drawMany.js";

describe("piecewiseExponential", () => {
  it("piecewiseExponential([6], [0.1, 0.05]) matches the hand-worked H, S, h and quantile", () => {
    const model = piecewiseExponential([6], [0.1, 0.05]);
    expect(model.cumulativeHazard(4)).toBeCloseTo(0.4, 15);
    expect(model.cumulativeHazard(10)).toBeCloseTo(0.6 + 0.2, 15);
    expect(model.survival(10)).toBeCloseTo(Math.exp(-0.8), 15);
    expect(model.hazard(5.999)).toBe(0.1);
    expect(model.hazard(6)).toBe(0.05);
    // S = 1/2 ⇔ H = ln 2 = 0.6931 > 0.6: t = 6 + (ln 2 − 0.6)/0.05
    expect(model.median).toBeCloseTo(6 + (Math.LN2 - 0.6) / 0.05, 12);
    expect(model.quantile(1 - Math.exp(-0.3))).toBeCloseTo(3, 12);
    // Mean: (1 − e^−0.6)/0.1 + e^−0.6/0.05
    expect(model.mean).toBeCloseTo((1 - Math.exp(-0.6)) / 0.1 + Math.exp(-0.6) / 0.05, 12);
  });

  it("piecewiseExponential([6], [0.1, 0.05]): median and mean of 100,000 draws within 4 SE", () => {
    const n = 100_000;
    const model = piecewiseExponential([6], [0.1, 0.05]);
    const values = drawMany(model.sample, n);
    expect(Math.abs(sampleMedian(values) - model.median)).toBeLessThan(4 * medianStandardError(model.density(model.median), n));
    expect(Math.abs(sampleMean(values) - model.mean!)).toBeLessThan((4 * 1.2 * model.mean!) / Math.sqrt(n));
  });

  it("piecewiseExponential allows a zero-hazard piece (cure window) but not a zero last rate", () => {
    const model = piecewiseExponential([3, 6], [0.2, 0, 0.1]);
    expect(model.survival(5)).toBeCloseTo(Math.exp(-0.6), 15);
    expect(model.quantile(1 - Math.exp(-0.7))).toBeCloseTo(7, 12); // H = 0.6 by t = 3, flat to 6, then 0.1 more at rate 0.1
    expect(() => piecewiseExponential([3], [0.2, 0])).toThrow("piecewiseExponential requires a positive, finite last rate, got 0");
    expect(() => piecewiseExponential([6, 3], [1, 1, 1])).toThrow("piecewiseExponential requires positive, increasing, finite cutpoints, got [6, 3]");
  });

  it("piecewiseExponentialFromMedian(20, { cutpoints: [6], relativeRates: [2, 1] }) keeps the rate ratio and hits the median", () => {
    const model = piecewiseExponentialFromMedian(20, { cutpoints: [6], relativeRates: [2, 1] });
    expect(model.median).toBeCloseTo(20, 12);
    expect(model.rates[0] / model.rates[1]).toBeCloseTo(2, 14);
    expect(piecewiseExponentialFromMedian(20).rates).toEqual([Math.LN2 / 20]);
  });

  it("piecewiseExponentialFromMedianAndLandmark(m, t, s) passes through both figures on either side of the median", () => {
    const late = piecewiseExponentialFromMedianAndLandmark(10, 24, 0.2);
    expect(late.median).toBeCloseTo(10, 12);
    expect(late.survival(24)).toBeCloseTo(0.2, 14);
    const early = piecewiseExponentialFromMedianAndLandmark(10, 4, 0.9);
    expect(early.median).toBeCloseTo(10, 12);
    expect(early.survival(4)).toBeCloseTo(0.9, 14);
  });
});
