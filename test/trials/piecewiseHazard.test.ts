import { describe, expect, it } from "vitest";
import { cumulativeHazard, inverseCumulativeHazard, scaleHazard } from "../../src/trials/piecewiseHazard.js";

describe("cumulativeHazard(hazard, t) and inverseCumulativeHazard(hazard, h)", () => {
  const hazard = { starts: [0, 6, 12], rates: [0.1, 0, 0.05] };
  it("cumulativeHazard integrates the pieces (a zero-rate piece stays flat)", () => {
    expect(cumulativeHazard(hazard, 3)).toBeCloseTo(0.3, 15);
    expect(cumulativeHazard(hazard, 9)).toBeCloseTo(0.6, 15);
    expect(cumulativeHazard(hazard, 20)).toBeCloseTo(0.6 + 0.4, 15);
  });
  it("inverseCumulativeHazard inverts it, jumping over a zero-rate piece; Infinity when never reached", () => {
    expect(inverseCumulativeHazard(hazard, 0.3)).toBeCloseTo(3, 14);
    expect(inverseCumulativeHazard(hazard, 0.7)).toBeCloseTo(14, 14);
    expect(inverseCumulativeHazard({ starts: [0, 5], rates: [0.1, 0] }, 1)).toBe(Infinity);
  });
  it("scaleHazard multiplies every rate", () => {
    expect(scaleHazard(hazard, 2).rates).toEqual([0.2, 0, 0.1]);
  });
});
