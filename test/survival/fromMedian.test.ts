import { describe, expect, it } from "vitest";
import { fromMedian, fromMedianAndLandmark, isParametricFamily, ParametricFamily } from "../../src/survival/index.js";

describe("fromMedian", () => {
  it.each(Object.values(ParametricFamily))("fromMedian(%s, 29, options) has median 29", (family) => {
    const model = fromMedian(family, 29, { shape: 1.3, cutpoints: [6], relativeRates: [1.5, 1] });
    expect(model.median).toBeCloseTo(29, 11);
  });

  it("fromMedian requires a shape for Weibull, log-normal and log-logistic", () => {
    expect(() => fromMedian("weibull", 29)).toThrow("fromMedian requires a shape for the weibull family (see data/assumptions/survival.json)");
    expect(fromMedian("exponential", 29).family).toBe("exponential");
    expect(isParametricFamily("logLogistic")).toBe(true);
    expect(isParametricFamily("mixture")).toBe(false);
  });
});

describe("fromMedianAndLandmark", () => {
  it.each(["weibull", "logNormal", "logLogistic", "piecewiseExponential"] as const)(
    "fromMedianAndLandmark(%s, 47.5, 60, 0.38) passes through the median and the landmark",
    (family) => {
      const model = fromMedianAndLandmark(family, 47.5, 60, 0.38);
      expect(model.median).toBeCloseTo(47.5, 10);
      expect(model.survival(60)).toBeCloseTo(0.38, 12);
    },
  );

  it("fromMedianAndLandmark(exponential, …) throws: one rate cannot match two figures", () => {
    expect(() => fromMedianAndLandmark("exponential", 47.5, 60, 0.38)).toThrow("fromMedianAndLandmark cannot fit an exponential model");
  });
});
