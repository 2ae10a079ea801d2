import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logRank } from "../../src/analysis/logRank.js";
import { expectColumn, expectNumber, rFixtures } from "./rFixtures.js";

describe("logRank", () => {
  for (const fixture of rFixtures()) {
    for (const reference of fixture.logRank) {
      const call = reference.gamma === 0
        ? `survdiff(Surv(time, event) ~ group${reference.stratified ? " + strata(strata)" : ""}, rho = ${reference.rho})`
        : `G(rho = ${reference.rho}, gamma = ${reference.gamma}) by its formula in R`;
      // R: survdiff(Surv(time, event) ~ group [+ strata(strata)], rho = rho); gamma > 0: make-fixtures.R gRhoGamma()
      it(`logRank(time, event, group, {rho: ${reference.rho}, gamma: ${reference.gamma}${reference.stratified ? ", strata" : ""}}) matches ${call} on ${fixture.name}`, () => {
        const { time, event, group, strata } = fixture.data;
        const result = logRank(time, event, group, { rho: reference.rho, gamma: reference.gamma, strata: reference.stratified ? strata : undefined });
        expectNumber("chiSquare", result.chiSquare, reference.chiSquare);
        expect(result.df).toBe(reference.df);
        expectNumber("p", result.p, reference.p);
        expectColumn("observed", result.observed, reference.observed);
        expectColumn("expected", result.expected, reference.expected);
        expectColumn("variance", result.variance.flat(), reference.variance);
      });
    }
  }

  it("logRank(time, event, group) on the 6-MP data gives the textbook chi-square 16.79 (Kleinbaum & Klein)", () => {
    const fixture = rFixtures().find((f) => f.name === "freireich")!;
    const result = logRank(fixture.data.time, fixture.data.event, fixture.data.group);
    expect(result.chiSquare.toFixed(2)).toBe("16.79");
    expect(result.observed).toEqual([9, 21]);
  });

  it("logRank(time, event, group) is invariant to relabelling the groups (property)", () => {
    const data = fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.boolean(), fc.integer({ min: 0, max: 2 })), { minLength: 4, maxLength: 60 });
    fc.assert(
      fc.property(data, fc.constantFrom([0, 1, 2], [2, 0, 1], [1, 2, 0], [2, 1, 0]), (rows, permutation) => {
        const time = rows.map((r) => r[0]);
        const event = rows.map((r) => (r[1] ? 1 : 0));
        const names = ["a", "b", "c"];
        const original = logRank(time, event, rows.map((r) => names[r[2]]!));
        const relabelled = logRank(time, event, rows.map((r) => names[permutation[r[2]]!]!));
        expect(relabelled.df).toBe(original.df);
        if (Number.isNaN(original.chiSquare)) expect(relabelled.chiSquare).toBeNaN();
        else expect(Math.abs(relabelled.chiSquare - original.chiSquare)).toBeLessThanOrEqual(1e-9 * Math.max(1, original.chiSquare));
      }),
    );
  });
});
