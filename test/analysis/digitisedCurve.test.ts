import { describe, expect, it } from "vitest";
import { prepareDigitisedCurve } from "../../src/analysis/digitisedCurve.js";

describe("prepareDigitisedCurve", () => {
  it("prepareDigitisedCurve(time, survival) sorts, starts at (0, 1), reads a drop top to bottom and keeps only the ends of flat stretches", () => {
    // Shuffled points of S = 1 until 2, 0.8 until 5, 0.5 until 9 (two points on the flat 0.8 stretch, one clicked twice).
    const curve = prepareDigitisedCurve([5, 2, 9, 3, 5, 2, 4, 3], [0.5, 0.8, 0.5, 0.8, 0.8, 1, 0.8, 0.8]);
    expect(Array.from(curve.time)).toEqual([0, 2, 2, 5, 5, 9]);
    expect(Array.from(curve.survival)).toEqual([1, 1, 0.8, 0.8, 0.5, 0.5]);
    expect(curve).toMatchObject({ percent: false, pointsGiven: 8, pointsLowered: 0, pointsJittered: 0, pointsDropped: 3 });
  });

  it("prepareDigitisedCurve reads percentages when any value exceeds 1, and clamps values just outside [0, 100]", () => {
    const curve = prepareDigitisedCurve([0, 3, 3, 8], [100.4, 100, 60, -0.5]);
    expect(curve.percent).toBe(true);
    expect(Array.from(curve.survival)).toEqual([1, 1, 0.6, 0]);
    expect(() => prepareDigitisedCurve([0, 3], [100, 103])).toThrow("point 2: survival must be between 0 and 100%, got 103%");
    expect(() => prepareDigitisedCurve([0, 3], [1, -0.1])).toThrow("point 2: survival must be between 0 and 1, got -0.1 (values read as proportions because none exceeds 1)");
    expect(prepareDigitisedCurve([0, 3], [100, 0.3], { scale: "percent" }).survival[1]).toBeCloseTo(0.003, 15);
  });

  it("prepareDigitisedCurve lowers a rise within the tolerance onto the curve (digitising noise) and sets aside time jitter on a drop", () => {
    // 0.79 read after 0.78 at time 4: noise, lowered to 0.78 (and the point at 3, now mid-stretch, dropped).
    const noisy = prepareDigitisedCurve([0, 2, 2, 3, 4], [1, 1, 0.78, 0.78, 0.79]);
    expect(Array.from(noisy.time)).toEqual([0, 2, 2, 4]);
    expect(Array.from(noisy.survival)).toEqual([1, 1, 0.78, 0.78]);
    expect(noisy).toMatchObject({ pointsLowered: 1 });
    expect(noisy.largestRise).toBeCloseTo(0.01, 12);
    // The top of the drop at 10 read at 10.05, after its bottom at 9.98 (last time 20: time tolerance 0.2).
    const jitter = prepareDigitisedCurve([0, 9.98, 10.05, 20], [1, 0.6, 0.9, 0.6]);
    expect(Array.from(jitter.time)).toEqual([0, 9.98, 20]);
    expect(Array.from(jitter.survival)).toEqual([1, 0.6, 0.6]);
    expect(jitter.pointsJittered).toBe(1);
  });

  it("prepareDigitisedCurve rejects a rise beyond noise, a drop at time 0, negative times and bad values, naming the point", () => {
    expect(() => prepareDigitisedCurve([0, 2, 6, 8], [1, 0.6, 0.7, 0.5], { describePoint: (i) => `curve.csv row ${i + 1} (line ${i + 2})` })).toThrow(
      "curve.csv row 3 (line 4) (time 6, survival 0.7): the curve rises by 0.1 above 0.6 at time 2 (curve.csv row 2 (line 3)), more than the tolerance 0.02 allowed for digitising noise (is it a point of another curve, or a misread axis?)",
    );
    expect(() => prepareDigitisedCurve([0, 0, 5], [1, 0.9, 0.8])).toThrow("point 2: a Kaplan-Meier curve starts at survival 1 at time 0, got 0.9");
    expect(() => prepareDigitisedCurve([0, -3, 5], [1, 1, 0.8])).toThrow("point 2: time must be a non-negative number, got -3");
    expect(prepareDigitisedCurve([-0.01, 5], [1, 0.8]).time[0]).toBe(0); // just left of the axis: 0
    expect(() => prepareDigitisedCurve([0, 5], [1, NaN])).toThrow("point 2: survival must be a number, got NaN");
    expect(() => prepareDigitisedCurve([], [])).toThrow("prepareDigitisedCurve requires at least one point");
    expect(() => prepareDigitisedCurve([1], [1], { tolerance: 0.7 })).toThrow("tolerance must be in [0, 0.5), got 0.7");
  });
});
