import { describe, expect, it } from "vitest";
import { coxPh } from "../../src/analysis/coxPh.js";
import { kaplanMeier } from "../../src/analysis/kaplanMeier.js";
import { logRank } from "../../src/analysis/logRank.js";
import { numbersAtRisk } from "../../src/analysis/survivalAt.js";
import { analyseReport } from "../../src/report/analyseReport.js";
import { reportInputFixture } from "./reportInputFixture.js";

describe("analyseReport(input, options)", () => {
  const input = reportInputFixture();
  const analysis = analyseReport(input, { landmarks: [12, 24], tau: 36, atRiskTimes: [0, 12, 24, 36, 48, 60] });

  it("analyseReport(input) gives each strategy the Kaplan–Meier of src/analysis and its numbers at risk", () => {
    for (const [i, s] of analysis.strategies.entries()) {
      const km = kaplanMeier(input.strategies[i].os.time, input.strategies[i].os.event);
      expect(Array.from(s.os.km.survival)).toEqual(Array.from(km.survival));
      expect(s.os.atRisk).toEqual(Array.from(numbersAtRisk(km, [0, 12, 24, 36, 48, 60])));
      expect(s.os.landmarks.map((l) => l.time)).toEqual([12, 24]);
    }
  });

  it("analyseReport(input) computes Cox hazard ratios against the reference, none for the reference itself", () => {
    expect(analysis.reference.strategy.id).toBe("review");
    expect(analysis.reference.pfs.hazardRatio).toBeNull();
    const [reference, alt] = input.strategies;
    const time = Float64Array.from([...reference.pfs.time, ...alt.pfs.time]);
    const event = Uint8Array.from([...reference.pfs.event, ...alt.pfs.event]);
    const group = [...reference.pfs.time].map(() => "0").concat([...alt.pfs.time].map(() => "1"));
    const fit = coxPh(time, event, { group, groupLevels: ["0", "1"] });
    expect(analysis.strategies[1].pfs.hazardRatio!.estimate).toBeCloseTo(fit.hazardRatios[0], 12);
    expect(analysis.strategies[2].pfs.hazardRatio!.estimate!).toBeGreaterThan(1);
  });

  it("analyseReport(input) runs the k-group log-rank test across all strategies", () => {
    const time = Float64Array.from(input.strategies.flatMap((s) => [...s.os.time]));
    const event = Uint8Array.from(input.strategies.flatMap((s) => [...s.os.event]));
    const group = input.strategies.flatMap((s, g) => [...s.os.time].map(() => String(g)));
    const test = logRank(time, event, group);
    expect(analysis.logRank.os.chiSquare).toBeCloseTo(test.chiSquare, 10);
    expect(analysis.logRank.os.df).toBe(2);
  });

  it("analyseReport(input) estimates the primary comparison within every subgroup level", () => {
    expect(analysis.primaryComparison!.strategy.id).toBe("alt");
    expect(analysis.subgroupHazardRatios.map((s) => `${s.level}/${s.endpoint}`)).toEqual(["G1/pfs", "G1/os", "G2/pfs", "G2/os", "G3/pfs", "G3/os"]);
    const g1 = analysis.subgroupHazardRatios[0].hazardRatio;
    expect(g1.n).toBe(80);
  });

  it("analyseReport(input) gives RMST to tau and the difference against the reference", () => {
    expect(analysis.strategies[0].pfs.rmst.tau).toBe(36);
    expect(analysis.strategies[0].pfs.rmstDifference).toBeNull();
    expect(analysis.strategies[1].pfs.rmstDifference!.estimate).toBeCloseTo(analysis.strategies[1].pfs.rmst.estimate - analysis.strategies[0].pfs.rmst.estimate, 10);
  });

  it("analyseReport(input with an unknown reference) throws", () => {
    expect(() => analyseReport({ ...input, referenceStrategy: "nope" })).toThrow(/reference strategy 'nope'/);
  });
});
