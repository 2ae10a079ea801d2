import { describe, expect, it } from "vitest";
import { schoenfeldBenefitPower, schoenfeldEvents, schoenfeldPower } from "../../src/trials/schoenfeld.js";
import { expectClose, sequentialCases } from "./rpactFixtures.js";

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

describe("schoenfeldBenefitPower(events, hazardRatio, alpha, treatmentFraction)", () => {
  it("schoenfeldBenefitPower(200, 1.3, 0.05, 2/3) equals rpact's one-sided power for benefit of a harmful treatment to 1e-6 relative", () => {
    // d <- getDesignGroupSequential(kMax = 1, alpha = 0.025, sided = 1); getPowerSurvival(d, lambda2 = log(2)/15,
    //   hazardRatio = 1.3, allocationRatioPlanned = 2, accrualTime = c(0, 24), maxNumberOfSubjects = 300,
    //   maxNumberOfEvents = 200, directionUpper = FALSE)$overallReject = 1.0401544e-4 (test/fixtures/rpact/sequential.json)
    const c = sequentialCases().find((x) => x.id.startsWith("harmful treatment (HR 1.3): one look"));
    const rpact = c?.rpact.overallReject as number;
    expect(rpact).toBeCloseTo(1.0401544e-4, 11);
    expectClose("overallReject (ours / rpact)", [schoenfeldBenefitPower(200, 1.3, 0.05, 2 / 3) / rpact], [1], 1e-6);
  });
  it("schoenfeldBenefitPower is the benefit tail of schoenfeldPower: the whole two-sided power for HR < 1 bar the far tail, the far tail for HR > 1", () => {
    const events = 150;
    const beneficial = schoenfeldBenefitPower(events, 0.7, 0.05, 0.5);
    const harmful = schoenfeldBenefitPower(events, 1 / 0.7, 0.05, 0.5);
    expect(beneficial + harmful).toBeCloseTo(schoenfeldPower(events, 0.7, 0.05, 0.5), 12);
    expect(harmful).toBeLessThan(0.025);
    expect(schoenfeldBenefitPower(events, 1, 0.05, 0.5)).toBeCloseTo(0.025, 12);
  });
});
