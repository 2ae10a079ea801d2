import { describe, expect, it } from "vitest";
import { armModel, weibullModel } from "../../src/trials/armModel.js";

describe("armModel(spec, control)", () => {
  it("weibullModel(12, 1) is the exponential with rate ln 2 / 12; quantile inverts survival", () => {
    const model = weibullModel(12, 1);
    expect(model.survival(12)).toBeCloseTo(0.5, 12);
    expect(model.survival(24)).toBeCloseTo(0.25, 12);
    for (const p of [0.9, 0.5, 0.01]) expect(model.survival(model.quantile(p))).toBeCloseTo(p, 12);
  });
  it("weibullModel(12, 1.5) has median 12 and quantile inverting survival", () => {
    const model = weibullModel(12, 1.5);
    expect(model.survival(12)).toBeCloseTo(0.5, 12);
    expect(model.survival(model.quantile(0.2))).toBeCloseTo(0.2, 12);
  });
  it("armModel({hazardRatio}) is the control's survival to the power HR (exponential: median divided by HR)", () => {
    const control = weibullModel(12, 1);
    const treatment = armModel({ kind: "hazardRatio", hazardRatio: 0.5 }, control);
    expect(treatment.median).toBeCloseTo(24, 10);
    expect(treatment.survival(10)).toBeCloseTo(control.survival(10) ** 0.5, 12);
    expect(treatment.hazardRatioToControl).toBe(0.5);
  });
  it("armModel({mixture}) survival is the weighted sum; its quantile inverts it to 1e-9", () => {
    const model = armModel({ kind: "mixture", components: [{ weight: 2, median: 40, shape: 1 }, { weight: 3, median: 11, shape: 1 }] }, null);
    expect(model.survival(20)).toBeCloseTo(0.4 * 0.5 ** (20 / 40) + 0.6 * 0.5 ** (20 / 11), 12);
    expect(model.survival(model.median)).toBeCloseTo(0.5, 9);
    expect(model.survival(model.quantile(0.1))).toBeCloseTo(0.1, 9);
    expect(model.weibullShape).toBeNull();
  });
  // Regression: data/designs/conversion-mixture.json said this arm's median was "close to 18 months"; it is 17.19.
  it("armModel(data/designs/conversion-mixture.json's conversion arm).median is 17.19348 (R uniroot), as the design file says", async () => {
    const { readFileSync } = await import("node:fs");
    const { parseTrialDesign } = await import("../../src/trials/parseTrialDesign.js");
    // Rscript -e 'uniroot(function(t) 0.4*2^(-t/40) + 0.6*2^(-t/11) - 0.5, c(1, 40), tol = 1e-9)$root'  → 17.19348
    const json = JSON.parse(readFileSync("data/designs/conversion-mixture.json", "utf8"));
    const design = parseTrialDesign(json);
    expect(armModel(design.arms[1].survival, null).median).toBeCloseTo(17.19348, 4);
    expect(json.description).toContain("about 17.2 months");
  });
});

describe("armModel: piecewise-exponential arms and delayed effects", () => {
  it("armModel({piecewise}) has S(t) = exp(−H(t)) with H piecewise linear; quantile inverts survival", () => {
    const model = armModel({ kind: "piecewise", startMonths: [0, 6, 12], ratesPerMonth: [0.06, 0.05, 0.04] }, null);
    expect(model.survival(10)).toBeCloseTo(Math.exp(-(0.06 * 6 + 0.05 * 4)), 14);
    expect(model.survival(20)).toBeCloseTo(Math.exp(-(0.36 + 0.3 + 0.04 * 8)), 14);
    for (const p of [0.9, 0.6, 0.3, 0.01]) expect(model.survival(model.quantile(p))).toBeCloseTo(p, 12);
    expect(model.hazard).toEqual({ starts: [0, 6, 12], rates: [0.06, 0.05, 0.04] });
  });
  it("armModel({hazardRatio, delayMonths}) follows the control until the delay, then HR × its hazard", () => {
    const control = weibullModel(12, 1);
    const delayed = armModel({ kind: "hazardRatio", hazardRatio: 0.5, delayMonths: 4 }, control);
    expect(delayed.survival(3)).toBeCloseTo(control.survival(3), 14);
    const rate = Math.LN2 / 12;
    expect(delayed.survival(10)).toBeCloseTo(Math.exp(-rate * 4 - 0.5 * rate * 6), 14);
    for (const p of [0.95, 0.8, 0.4]) expect(delayed.survival(delayed.quantile(p))).toBeCloseTo(p, 12);
    expect(delayed.hazard).toEqual({ starts: [0, 4], rates: [rate, 0.5 * rate] });
    expect(delayed.hazardRatioToControl).toBeNull();
    // A delay inside a piecewise control splits the piece.
    const piecewise = armModel({ kind: "piecewise", startMonths: [0, 6], ratesPerMonth: [0.06, 0.04] }, null);
    expect(armModel({ kind: "hazardRatio", hazardRatio: 0.5, delayMonths: 3 }, piecewise).hazard).toEqual({ starts: [0, 3, 6], rates: [0.06, 0.03, 0.02] });
    expect(armModel({ kind: "hazardRatio", hazardRatio: 0.5, delayMonths: 8 }, piecewise).hazard).toEqual({ starts: [0, 6, 8], rates: [0.06, 0.04, 0.02] });
  });
});
