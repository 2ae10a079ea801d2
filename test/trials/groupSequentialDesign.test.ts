import { describe, expect, it } from "vitest";
import { groupSequentialDesign, type GroupSequentialSpec } from "../../src/trials/groupSequentialDesign.js";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { groupSequentialSpecFor } from "../../src/trials/planSequential.js";
import type { SequentialSpec } from "../../src/trials/TrialDesign.js";
import { isInputError, type InputError } from "../../src/util/InputError.js";
import { expectClose, sequentialCases } from "./rpactFixtures.js";

/** The rpact design of a fixture case, through the design JSON's sequential block. */
function specOf(design: Record<string, unknown>): GroupSequentialSpec {
  const parsed = parseTrialDesign(design);
  return groupSequentialSpecFor(parsed, parsed.sequential as SequentialSpec);
}

// Reference: rpact 3.3.4 getDesignGroupSequential, test/fixtures/rpact/make-fixtures.R; the R call is in each title.
describe("groupSequentialDesign(spec) equals rpact's getDesignGroupSequential", () => {
  for (const c of sequentialCases()) {
    const call = c.call.split("; ")[0];
    it(`groupSequentialDesign (${c.id}) equals ${call}`, () => {
      const design = groupSequentialDesign(specOf(c.design));
      const r = c.rpact;
      expect(design.informationRates).toEqual(r.informationRates.map((t) => expect.closeTo(t, 15)));
      // rpact finds each bound to 1e-8; ours to 1e-13.
      expectClose("criticalValues", design.criticalValues, r.criticalValues, 1e-6);
      expectClose("stageLevels", design.stageLevels, r.stageLevels, 1e-6);
      // rpact floors the last alpha spent to 1e-8 (0.02499999 for 0.025).
      expectClose("alphaSpent", design.alphaSpent, r.alphaSpent, 1e-6);
      if (r.futilityBounds === null) expect(design.futilityBounds === null || design.futilityBounds.every((f) => f <= -6)).toBe(true);
      else expectClose("futilityBounds", design.futilityBounds as number[], r.futilityBounds, 1e-6);
      if (r.betaSpent === null) expect(design.betaSpent).toBeNull();
      else expectClose("betaSpent", design.betaSpent as number[], r.betaSpent, 1e-6);
    });
  }
});

describe("groupSequentialDesign(spec) by construction", () => {
  const base: GroupSequentialSpec = { informationRates: [0.5, 0.75, 1], alpha: 0.025, beta: 0.2, sided: 1, efficacy: { kind: "spending", family: "obf", gamma: 0 }, futility: null };
  it("groupSequentialDesign spends exactly the spending function's alpha by each look", () => {
    const design = groupSequentialDesign({ ...base, efficacy: { kind: "spending", family: "hsd", gamma: -2 } });
    const expected = [0.5, 0.75, 1].map((t) => (0.025 * (1 - Math.exp(2 * t))) / (1 - Math.exp(2)));
    expectClose("alphaSpent", design.alphaSpent, expected, 1e-12);
  });
  it("groupSequentialDesign with one look is the fixed design: z_{1−α}", () => {
    const design = groupSequentialDesign({ ...base, informationRates: [1] });
    expect(design.criticalValues[0]).toBeCloseTo(1.959963984540054, 13);
  });
  it("groupSequentialDesign with classical Pocock bounds gives one constant bound; O'Brien-Fleming bounds fall as 1/√t", () => {
    const pocock = groupSequentialDesign({ ...base, efficacy: { kind: "classical", shape: "pocock" } });
    expect(new Set(pocock.criticalValues.map((c) => c.toFixed(12))).size).toBe(1);
    const obf = groupSequentialDesign({ ...base, efficacy: { kind: "classical", shape: "obf" } });
    expect(obf.criticalValues[0] * Math.sqrt(0.5)).toBeCloseTo(obf.criticalValues[2], 12);
  });
  it("groupSequentialDesign reports every problem of a bad spec with its field", () => {
    try {
      groupSequentialDesign({ ...base, informationRates: [0.5, 0.4, 1], alpha: 0.7, efficacy: { kind: "spending", family: "xyz" as "obf", gamma: 0 }, futility: { kind: "z", bounds: [0] } });
      throw new Error("expected an InputError");
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      const problems = (error as InputError).problems.join("\n");
      expect(problems).toMatch(/informationRates: expected strictly increasing values/);
      expect(problems).toMatch(/alpha: expected a level in \(0, 0.5\), got 0.7/);
      expect(problems).toMatch(/spending: expected one of obf, pocock, hsd, got "xyz"/);
    }
    expect(() => groupSequentialDesign({ ...base, sided: 2, futility: { kind: "spending", family: "obf", gamma: 0 } })).toThrow(/futility bounds are for one-sided designs/);
    expect(() => groupSequentialDesign({ ...base, informationRates: [0.5, 0.9] })).toThrow(/last look must be at information rate 1/);
  });
});
