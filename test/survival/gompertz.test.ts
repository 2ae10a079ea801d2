import { describe, expect, it } from "vitest";
import { gompertz, withHazardRatio } from "../../src/survival/index.js";
import { drawMany, medianStandardError, sampleMedian } from "../random/drawMany.js";

describe("gompertz", () => {
  it("gompertz(0.05, 0.02).survival(t) and mean match R: exp(-b/a*expm1(a*t)) and integrate()", () => {
    // Rscript -e 'a<-0.05; b<-0.02; print(exp(-b/a*expm1(a*c(1,10,100))), digits=17);
    //             print(integrate(function(t) exp(-b/a*expm1(a*t)), 0, Inf, rel.tol=1e-13)$value, digits=17)'
    const model = gompertz(0.05, 0.02);
    [0.9797004291881779, 0.77144607318527225, 2.4644010021639171e-26].forEach((r, i) => expect(model.survival([1, 10, 100][i]!) / r).toBeCloseTo(1, 13));
    expect(model.mean!).toBeCloseTo(20.956560169120127, 11);
    expect(model.hazard(10)).toBeCloseTo(0.02 * Math.exp(0.5), 15);
    expect(model.median).toBeCloseTo(Math.log1p((0.05 * Math.LN2) / 0.02) / 0.05, 13);
  });

  it("gompertz(-0.03, 0.02) levels off at exp(rate/shape): quantiles beyond the plateau and the mean are Infinity", () => {
    // Rscript -e 'a <- -0.03; b <- 0.02; print(exp(-b/a*expm1(a*c(1,10,100))), digits=17); print(exp(b/a), digits=17)'
    const model = gompertz(-0.03, 0.02);
    [0.9804898574774944, 0.84131607869772651, 0.53074410374206238].forEach((r, i) => expect(model.survival([1, 10, 100][i]!) / r).toBeCloseTo(1, 13));
    const plateau = 0.51341711903259202;
    expect(model.survival(Infinity)).toBeCloseTo(plateau, 15);
    expect(model.median).toBe(Infinity);
    expect(model.mean).toBe(Infinity);
    expect(model.quantile(0.4)).toBeCloseTo(Math.log1p((-0.03 * -Math.log(0.6)) / 0.02) / -0.03, 12);
    expect(model.quantile(0.48)).toBeLessThan(Infinity);
    expect(model.quantile(1 - plateau + 1e-9)).toBe(Infinity);
  });

  it("gompertz(0, rate) is the exponential: S = exp(−rate·t), mean 1/rate; tiny shapes lose no precision", () => {
    const model = gompertz(0, 0.1);
    expect(model.survival(7)).toBeCloseTo(Math.exp(-0.7), 15);
    expect(model.mean).toBeCloseTo(10, 14);
    expect(model.quantile(0.5)).toBeCloseTo(Math.LN2 / 0.1, 14);
    const nearly = gompertz(1e-12, 0.1);
    expect(nearly.survival(7)).toBeCloseTo(Math.exp(-0.7 * (1 + 3.5e-12)), 15);
    expect(nearly.mean!).toBeCloseTo(10, 6);
  });

  it("withHazardRatio(gompertz(a, b), hr) stays Gompertz with rate b·hr", () => {
    const model = withHazardRatio(gompertz(0.05, 0.02), 0.6);
    expect(model.family).toBe("gompertz");
    expect(model.survival(12)).toBeCloseTo(Math.pow(gompertz(0.05, 0.02).survival(12), 0.6), 14);
  });

  it("gompertz(0.05, 0.02).sample reproduces the median within 4 SE on 100,000 draws", () => {
    const n = 100_000;
    const model = gompertz(0.05, 0.02);
    expect(Math.abs(sampleMedian(drawMany(model.sample, n, 16)) - model.median)).toBeLessThan(4 * medianStandardError(model.density(model.median), n));
  });

  it("gompertz rejects a non-finite shape or a non-positive rate", () => {
    expect(() => gompertz(NaN, 0.1)).toThrow("gompertz requires a finite shape, got NaN");
    expect(() => gompertz(0.1, 0)).toThrow("gompertz requires a positive, finite rate, got 0");
  });
});
