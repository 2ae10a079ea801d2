import { describe, expect, it } from "vitest";
import { digitiseKaplanMeier } from "../../src/analysis/digitiseKaplanMeier.js";
import { kaplanMeier } from "../../src/analysis/kaplanMeier.js";
import { randomSource } from "../../src/random/randomSource.js";

// 50 subjects, events at 1, 2, …, 50 (no censoring): 50 steps of 0.02, one month apart.
const km = kaplanMeier(Array.from({ length: 50 }, (_, i) => i + 1), new Array(50).fill(1));

describe("digitiseKaplanMeier", () => {
  it("digitiseKaplanMeier(km, randomSource(7)) gives these exact points for a fixed seed, and the same again", () => {
    const a = digitiseKaplanMeier(km, randomSource(7), { maxPoints: 20 });
    const b = digitiseKaplanMeier(km, randomSource(7), { maxPoints: 20 });
    expect(a).toEqual(b);
    expect(a.time.length).toBeGreaterThanOrEqual(20);
    expect(a.time.slice(0, 3)).toEqual(PINNED.time);
    expect(a.survival.slice(0, 3)).toEqual(PINNED.survival);
  });

  it("digitiseKaplanMeier reads every step corner without noise, in percent when asked", () => {
    const exact = digitiseKaplanMeier(kaplanMeier([1, 2, 4], [1, 1, 0]), randomSource(1), { timeNoise: 0, survivalNoise: 0, duplicateShare: 0, percent: true });
    const sorted = exact.time.map((t, i) => [t, exact.survival[i]!] as const).sort((x, y) => x[0] - y[0] || y[1] - x[1]);
    expect(sorted.map(([t, s]) => [t, Math.round(s * 1e9) / 1e9])).toEqual([[0, 100], [1, 100], [1, 66.666666667], [2, 66.666666667], [2, 33.333333333], [4, 33.333333333]]);
  });

  it("digitiseKaplanMeier's reading errors have the stated standard deviations (0.2% of the time axis, 0.002 in survival) within 10% over 100 curves", () => {
    // 100 curves × 2 corners per step: the sd estimated from ~10,000 errors has a relative standard error of
    // 1/√(2·10,000) ≈ 0.7%; 10% is far beyond sampling error and catches a wrong scale. Steps are 5 sd apart in
    // both directions, so each point is matched to its own corner.
    const timeErrors: number[] = [];
    const survivalErrors: number[] = [];
    for (let c = 0; c < 100; c++) {
      const points = digitiseKaplanMeier(km, randomSource(`noise ${c}`), { maxPoints: 1000, duplicateShare: 0 });
      points.time.forEach((t, i) => {
        const nearest = Math.round(t);
        if (nearest < 1 || nearest > 49) return; // the reflection at 0 and the end point bias the edges
        timeErrors.push(t - nearest);
        const s = points.survival[i]!;
        // The corner is at 1 − (k − 1)/50 or 1 − k/50: take the nearer.
        const levels = [1 - (nearest - 1) / 50, 1 - nearest / 50];
        survivalErrors.push(Math.abs(s - levels[0]!) < Math.abs(s - levels[1]!) ? s - levels[0]! : s - levels[1]!);
      });
    }
    const sd = (values: number[]) => Math.sqrt(values.reduce((sum, v) => sum + v * v, 0) / values.length);
    expect(timeErrors.length).toBeGreaterThan(9000);
    expect(sd(timeErrors) / (0.002 * 50)).toBeGreaterThan(0.9);
    expect(sd(timeErrors) / (0.002 * 50)).toBeLessThan(1.1);
    expect(sd(survivalErrors) / 0.002).toBeGreaterThan(0.9);
    expect(sd(survivalErrors) / 0.002).toBeLessThan(1.1);
  });
});

const PINNED = { time: [22.14908746703292, 39.94826011996486, 35.20181476247289], survival: [0.5823112191227853, 0.2005249499891274, 0.32462428026701373] };
