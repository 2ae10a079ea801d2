import { describe, expect, it } from "vitest";
import { schoenfeldEvents, schoenfeldPower } from "../../src/trials/schoenfeld.js";

describe("schoenfeldEvents(hazardRatio, alpha, power, treatmentFraction)", () => {
  it("schoenfeldEvents(0.75, 0.05, 0.8, 0.5) is 379.35, the textbook figure (gsDesign::nEvents(hr = 0.75) = 379.35)", () => {
    // (1.959964 + 0.841621)² / (0.25 · log(0.75)²) = 7.848879 / 0.0206903
    expect(schoenfeldEvents(0.75, 0.05, 0.8, 0.5)).toBeCloseTo(379.35, 1);
  });
  it("schoenfeldEvents is symmetric in log HR and grows by 1/(p(1 − p)) with unequal allocation", () => {
    expect(schoenfeldEvents(1 / 0.75, 0.05, 0.8, 0.5)).toBeCloseTo(schoenfeldEvents(0.75, 0.05, 0.8, 0.5), 8);
    expect(schoenfeldEvents(0.75, 0.05, 0.8, 2 / 3) / schoenfeldEvents(0.75, 0.05, 0.8, 0.5)).toBeCloseTo(0.25 / (2 / 9), 10);
  });
});

describe("schoenfeldPower(events, hazardRatio, alpha, treatmentFraction)", () => {
  it("schoenfeldPower inverts schoenfeldEvents up to the far tail Φ(−δ − z), about 1e-6", () => {
    for (const power of [0.8, 0.9]) expect(schoenfeldPower(schoenfeldEvents(0.6, 0.05, power, 0.5), 0.6, 0.05, 0.5)).toBeCloseTo(power, 5);
  });
  it("schoenfeldPower at HR = 1 is alpha (both tails)", () => {
    expect(schoenfeldPower(500, 1, 0.05, 0.5)).toBeCloseTo(0.05, 10);
  });
});
