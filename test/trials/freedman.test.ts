import { describe, expect, it } from "vitest";
import { freedmanEvents, freedmanPower } from "../../src/trials/freedman.js";

describe("freedmanEvents(hazardRatio, alpha, power, allocationRatio)", () => {
  it("freedmanEvents(0.75, 0.05, 0.8, 1) = (z + z)² (1.75)² / 0.25² = 384.6 (Freedman 1982)", () => {
    const zSum = 1.959963984540054 + 0.8416212335729143;
    expect(freedmanEvents(0.75, 0.05, 0.8, 1)).toBeCloseTo((zSum * zSum * 1.75 * 1.75) / 0.0625, 6);
    expect(freedmanEvents(0.75, 0.05, 0.8, 1)).toBeCloseTo(384.6, 1);
  });
  it("freedmanPower inverts freedmanEvents, with 2:1 allocation too (up to the far tail)", () => {
    expect(freedmanPower(freedmanEvents(0.6, 0.05, 0.85, 2), 0.6, 0.05, 2)).toBeCloseTo(0.85, 5);
  });
  it("freedmanPower at HR = 1 is alpha", () => {
    expect(freedmanPower(300, 1, 0.05, 1)).toBeCloseTo(0.05, 10);
  });
});
