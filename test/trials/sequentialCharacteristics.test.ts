import { describe, expect, it } from "vitest";
import { groupSequentialDesign } from "../../src/trials/groupSequentialDesign.js";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { groupSequentialSpecFor } from "../../src/trials/planSequential.js";
import { sequentialCharacteristics, sequentialOutcomeProbabilities } from "../../src/trials/sequentialCharacteristics.js";
import type { SequentialSpec } from "../../src/trials/TrialDesign.js";
import { standardNormalCdf } from "../../src/math/standardNormalCdf.js";
import { expectClose, sequentialCases } from "./rpactFixtures.js";

// Reference: rpact 3.3.4 getDesignCharacteristics, test/fixtures/rpact/make-fixtures.R; the R call is in each title.
describe("sequentialCharacteristics(design) equals rpact's getDesignCharacteristics", () => {
  for (const c of sequentialCases()) {
    const call = c.call.split("; ")[0];
    it(`sequentialCharacteristics (${c.id}) equals getDesignCharacteristics(${call.replace(/^d <- /, "")})`, () => {
      const parsed = parseTrialDesign(c.design);
      const characteristics = sequentialCharacteristics(groupSequentialDesign(groupSequentialSpecFor(parsed, parsed.sequential as SequentialSpec)));
      expectClose("shift", [characteristics.shift], [c.rpact.shift], 1e-6);
      expectClose("inflationFactor", [characteristics.inflationFactor], [c.rpact.inflationFactor], 1e-6);
      if (c.rpact.averageSampleNumber1 !== null) {
        expectClose("averageSampleNumber1", [characteristics.expectedInformationH1], [c.rpact.averageSampleNumber1], 1e-6);
        expectClose("averageSampleNumber0", [characteristics.expectedInformationH0], [c.rpact.averageSampleNumber0 as number], 1e-6);
      }
    });
  }
});

describe("sequentialOutcomeProbabilities(design, drift, options)", () => {
  const design = groupSequentialDesign({ informationRates: [0.5, 1], alpha: 0.025, beta: 0.2, sided: 1, efficacy: { kind: "spending", family: "pocock", gamma: 0 }, futility: { kind: "z", bounds: [0] } });
  it("sequentialOutcomeProbabilities at the first look are normal tail probabilities of Z_1 ~ N(δ√t1, 1)", () => {
    const drift = 2.5;
    const outcome = sequentialOutcomeProbabilities(design, drift, { bothTails: false, limitBounds: true });
    const mean = drift * Math.SQRT1_2;
    expect(outcome.rejection[0]).toBeCloseTo(1 - standardNormalCdf(design.criticalValues[0] - mean), 14);
    expect(outcome.futility[0]).toBeCloseTo(standardNormalCdf(0 - mean), 14);
    expect(outcome.stopping.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(outcome.cumulativeRejection[1]).toBeCloseTo(outcome.rejection[0] + outcome.rejection[1], 15);
  });
  it("sequentialOutcomeProbabilities under H0 with futility obeyed rejects less than the alpha spent", () => {
    const outcome = sequentialOutcomeProbabilities(design, 0, { bothTails: false, limitBounds: true });
    expect(outcome.cumulativeRejection[1]).toBeLessThan(design.alphaSpent[1]);
    expect(outcome.expectedInformationRate).toBeCloseTo(1 - 0.5 * (outcome.rejection[0] + outcome.futility[0]), 8);
  });
});
