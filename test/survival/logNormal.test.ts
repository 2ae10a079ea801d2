import { describe, expect, it } from "vitest";
import { randomSource } from "../../src/random/index.js";
import { logNormal, logNormalFromMedian, logNormalFromMedianAndLandmark } from "../../src/survival/index.js";
import { drawMany, medianStandardError, sampleMedian } from "../random/drawMany.js";

describe("logNormal", () => {
  it("logNormal(log(29), 0.9) matches R's plnorm(lower.tail = FALSE) and dlnorm; mean exp(μ + σ²/2)", () => {
    // Rscript -e 'print(plnorm(c(5, 29, 60), log(29), 0.9, lower.tail=FALSE), digits=17); print(dlnorm(c(5, 29, 60), log(29), 0.9), digits=17)'
    const model = logNormal(Math.log(29), 0.9);
    const t = [5, 29, 60];
    [0.97460059630554341, 0.5, 0.20959367217976779].forEach((r, i) => expect(model.survival(t[i])).toBeCloseTo(r, 14));
    [0.0131614506622891904, 0.0152851448429667698, 0.0053309874832812298].forEach((r, i) => expect(model.density(t[i])).toBeCloseTo(r, 15));
    expect(model.hazard(60)).toBeCloseTo(0.0053309874832812298 / 0.20959367217976779, 13);
    expect(model.cumulativeHazard(60)).toBeCloseTo(-Math.log(0.20959367217976779), 13);
    expect(model.mean).toBeCloseTo(29 * Math.exp(0.405), 12);
    expect(model.survival(0)).toBe(1);
  });

  it("logNormalFromMedian(29, { shape: 0.9 }).sample(u) for randomSource(42) gives R's qlnorm(u, log(29), 0.9)", () => {
    const model = logNormalFromMedian(29, { shape: 0.9 });
    const source = randomSource(42);
    for (const r of [44.723728168281902, 32.202310169791936, 72.4748374464547]) expect(model.sample(source()) / r).toBeCloseTo(1, 13);
    expect(model.quantile(0.1)).toBeCloseTo(9.1513318035505975, 12);
  });

  it("logNormalFromMedian(29, { shape: 1.17 }) reproduces the median within 4 SE on 100,000 draws", () => {
    const n = 100_000;
    const model = logNormalFromMedian(29, { shape: 1.17 });
    expect(Math.abs(sampleMedian(drawMany(model.sample, n)) - 29)).toBeLessThan(4 * medianStandardError(model.density(29), n));
  });

  it("logNormalFromMedianAndLandmark(47.5, 60, 0.38) passes through both figures", () => {
    const model = logNormalFromMedianAndLandmark(47.5, 60, 0.38);
    expect(model.median).toBeCloseTo(47.5, 12);
    expect(model.survival(60)).toBeCloseTo(0.38, 14);
  });
});
