import { describe, expect, it } from "vitest";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { simulatePower } from "../../src/trials/simulatePower.js";
import { resolveStrategyArmsNode } from "../../src/trials/strategyArmsNode.js";
import { isInputError } from "../../src/util/InputError.js";

describe("resolveStrategyArmsNode(design, { cwd, patients })", () => {
  const design = parseTrialDesign({
    arms: [{ label: "upfront", strategy: "upfront-surgery" }, { label: "conversion", strategy: "conversion-first", endpoint: "pfs" }, { label: "better", hazardRatio: 0.6 }],
    n: 150,
    sims: 100,
  });
  it("resolveStrategyArmsNode turns strategy arms into empirical PFS curves from the engine; the design then simulates", () => {
    const resolved = resolveStrategyArmsNode(design, { cwd: process.cwd(), patients: 4096 });
    expect(resolved.arms[0].survival.kind).toBe("empirical");
    expect(resolved.arms[1].survival.kind).toBe("empirical");
    expect(resolved.arms[2].survival).toEqual({ kind: "hazardRatio", hazardRatio: 0.6 });
    const curve = resolved.arms[0].survival;
    if (curve.kind !== "empirical") throw new Error("unreachable");
    expect(curve.source).toMatch(/^strategy upfront-surgery, PFS, scenario default, 4096 simulated patients/);
    expect(curve.time.length).toBeGreaterThan(100);
    for (let i = 1; i < curve.survival.length; i++) expect(curve.survival[i]).toBeLessThanOrEqual(curve.survival[i - 1]);
    const result = simulatePower(resolved);
    expect(result.comparisons).toHaveLength(2);
    expect(result.power).toBeGreaterThanOrEqual(0);
    // The line above cannot fail; these can. The HR-0.6 arm is the empirical control's hazard × 0.6 (PH by
    // construction): its Cox estimates centre on 0.6 (SE of the median of 100 estimates ≈ 0.3/√100·1.25 ≈ 0.04;
    // tolerance 0.1 ≈ 2.5 SE), and its simulated power (Bonferroni α/2, 50 vs 50) is within 3·SE + 0.02 of
    // Schoenfeld's (SE = √(p(1−p)/100) ≤ 0.05).
    const better = result.comparisons[1];
    expect(Math.abs(better.medianHazardRatio - 0.6)).toBeLessThan(0.1);
    expect(Math.abs(better.power - better.schoenfeld.power)).toBeLessThan(3 * Math.sqrt((better.schoenfeld.power * (1 - better.schoenfeld.power)) / 100) + 0.02);
    expect(result.comparisons[1].designHazardRatio).toBe(0.6);
  });
  it("resolveStrategyArmsNode rejects an unknown strategy with the known ones", () => {
    const bad = parseTrialDesign({ arms: [{ label: "a", median: 12 }, { label: "b", strategy: "nope" }] });
    expect(() => resolveStrategyArmsNode(bad, { cwd: process.cwd(), patients: 4096 })).toThrow(/unknown strategy 'nope'; known: .*conversion-first/);
    try {
      resolveStrategyArmsNode(bad, { cwd: process.cwd(), patients: 4096 });
    } catch (error) {
      expect(isInputError(error)).toBe(true);
    }
  });
});
