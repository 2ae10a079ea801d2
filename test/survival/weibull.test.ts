import { describe, expect, it } from "vitest";
import { randomSource } from "../../src/random/index.js";
import { weibull, weibullFromMedian, weibullFromMedianAndLandmark } from "../../src/survival/index.js";
import { drawMany, medianStandardError, sampleMean, sampleMedian } from "../random/drawMany.js";

describe("weibull", () => {
  it("weibull(1.2, 40).survival(t) matches R's pweibull(t, 1.2, 40, lower.tail = FALSE); mean 40·Γ(1 + 1/1.2)", () => {
    // Rscript -e 'print(pweibull(c(5, 29, 60), shape=1.2, scale=40, lower.tail=FALSE), digits=17); print(40*gamma(1+1/1.2), digits=17)'
    const model = weibull(1.2, 40);
    [0.92083975837910714, 0.50669893471505612, 0.19657570458660967].forEach((r, i) => expect(model.survival([5, 29, 60][i])).toBeCloseTo(r, 15));
    expect(model.mean).toBeCloseTo(37.626234330270869, 12);
    expect(model.hazard(10)).toBeCloseTo((1.2 / 40) * Math.pow(10 / 40, 0.2), 15);
    expect(model.median).toBeCloseTo(40 * Math.pow(Math.LN2, 1 / 1.2), 13);
  });

  it("weibull(1.2, 40).sample(u) for randomSource(42) gives R's qweibull(u, 1.2, 40)", () => {
    const model = weibull(1.2, 40);
    const source = randomSource(42);
    for (const r of [45.095489864521141, 32.8791121677192, 67.33477639024089]) expect(model.sample(source()) / r).toBeCloseTo(1, 13);
  });

  it("weibullFromMedian(29, { shape: 1.2 }) reproduces the median within 4 SE on 100,000 draws", () => {
    // Issue 5's done-when. SE of a sample median = 1/(2 f(m) √n) ≈ 0.10 months here, so the band is ±0.42 months (1.4%).
    const n = 100_000;
    const model = weibullFromMedian(29, { shape: 1.2 });
    expect(model.median).toBeCloseTo(29, 12);
    const values = drawMany(model.sample, n);
    const standardError = medianStandardError(model.density(29), n);
    expect(Math.abs(sampleMedian(values) - 29)).toBeLessThan(4 * standardError);
    expect(Math.abs(sampleMean(values) - model.mean!)).toBeLessThan((4 * 1.1 * model.mean!) / Math.sqrt(n)); // sd/mean ≈ 0.84 for shape 1.2
  });

  it("weibullFromMedian(29, { shape: 0.7 }) reproduces the median within 4 SE on 100,000 draws (falling hazard)", () => {
    const n = 100_000;
    const model = weibullFromMedian(29, { shape: 0.7 });
    expect(Math.abs(sampleMedian(drawMany(model.sample, n, 7)) - 29)).toBeLessThan(4 * medianStandardError(model.density(29), n));
  });

  it("weibullFromMedianAndLandmark(29, 60, 0.2) passes through both figures", () => {
    const model = weibullFromMedianAndLandmark(29, 60, 0.2);
    expect(model.median).toBeCloseTo(29, 12);
    expect(model.survival(60)).toBeCloseTo(0.2, 14);
    const early = weibullFromMedianAndLandmark(29, 12, 0.8);
    expect(early.survival(12)).toBeCloseTo(0.8, 14);
    expect(() => weibullFromMedianAndLandmark(29, 60, 0.6)).toThrow(
      "weibullFromMedianAndLandmark requires the landmark survival to be below 0.5 at a time after the median, got S(60) = 0.6 with median 29",
    );
    expect(() => weibullFromMedianAndLandmark(29, 29, 0.5)).toThrow("different from the median");
  });
});
