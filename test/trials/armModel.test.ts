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
