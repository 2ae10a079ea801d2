import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../src/analysis/kaplanMeier.js";
import { kmCensorRows, kmStepRows } from "../../src/figures/kmStepRows.js";
import { exponentialSample } from "./kmFixture.js";

/** Rows carry probabilities rounded to 1e-5 (see kmStepRows.ts). */
const r5 = (p: number) => Math.round(p * 1e5) / 1e5;

describe("kmStepRows(series, km, maxSteps, maxTime)", () => {
  it("kmStepRows(series, km) has (0, 1), one row per event time and the last follow-up time", () => {
    const km = kaplanMeier([1, 2, 2, 3, 5, 8], [1, 1, 0, 0, 1, 0]);
    const rows = kmStepRows("A", km, 1000, 8);
    expect(rows.map((r) => r.time)).toEqual([0, 1, 2, 5, 8]);
    expect(rows.map((r) => r.survival)).toEqual([1, km.survival[0], km.survival[1], km.survival[3], km.survival[3]].map(r5));
  });

  it("kmStepRows(series, km, maxSteps) thins to at most maxSteps + 2 rows and keeps the final survival", () => {
    const sample = exponentialSample(20_000, 20, 60, 5);
    const km = kaplanMeier(sample.time, sample.event);
    const rows = kmStepRows("A", km, 500, 60);
    expect(rows.length).toBeLessThanOrEqual(502);
    expect(rows[rows.length - 1].survival).toBe(r5(km.survival[km.survival.length - 1]));
    for (let i = 1; i < rows.length; i++) expect(rows[i].survival).toBeLessThanOrEqual(rows[i - 1].survival);
  });
});

describe("kmCensorRows(series, km, censorTimes, maxTicks, maxTime)", () => {
  it("kmCensorRows(series, km) ticks each censoring time on the curve", () => {
    const km = kaplanMeier([1, 2, 2, 3, 5, 8], [1, 1, 0, 0, 1, 0]);
    expect(kmCensorRows("A", km, undefined, 100, 8)).toEqual([
      { series: "A", time: 2, survival: r5(km.survival[1]) },
      { series: "A", time: 3, survival: r5(km.survival[2]) },
      { series: "A", time: 8, survival: r5(km.survival[4]) },
    ]);
    expect(kmCensorRows("A", km, [0.5, 4], 100, 8).map((r) => r.survival)).toEqual([1, r5(km.survival[2])]);
  });
});
