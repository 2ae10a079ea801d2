import { describe, expect, it } from "vitest";
import { armModel } from "../../src/trials/armModel.js";
import { empiricalArmSpec } from "../../src/trials/empiricalArmSpec.js";

describe("empiricalArmSpec(time, event, source)", () => {
  it("empiricalArmSpec keeps the Kaplan–Meier curve at its event times; armModel inverts it", () => {
    // KM: 5 at risk; events at 1, 3 (censoring at 2): S = 0.8, then 0.8 · 2/3; censoring at 4, 5.
    const spec = empiricalArmSpec([1, 2, 3, 4, 5], [1, 0, 1, 0, 0], "test");
    expect(spec).toEqual({ kind: "empirical", source: "test", time: [1, 3], survival: [0.8, 0.8 * (2 / 3)] });
    const model = armModel(spec, null);
    expect(model.survival(0.5)).toBe(1);
    expect(model.survival(2)).toBe(0.8);
    expect(model.survival(3)).toBeCloseTo(0.5333333, 6);
    expect(model.quantile(0.9)).toBe(1);
    expect(model.quantile(0.6)).toBe(3);
    // The curve stays above 0.5: no event for the lowest draws (a plateau).
    expect(model.quantile(0.5)).toBe(Infinity);
    expect(model.median).toBe(Infinity);
  });
  it("empiricalArmSpec treats non-finite times as censored at the largest finite time", () => {
    const spec = empiricalArmSpec([1, Infinity, 2], [1, 1, 1], "test");
    expect(spec.kind === "empirical" && spec.time).toEqual([1, 2]);
  });
});
