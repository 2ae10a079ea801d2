import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { calibrateSequencingModel } from "../../src/simulate/calibrateSequencingModel.js";
import { resolveOutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import { spearman } from "../../src/simulate/sequencingSummary.js";
import { structureCalibrationReport, structureTargets } from "../../src/simulate/structureCalibration.js";

const { context, strategies } = loadSimulationContextNode();
const model = calibrateSequencingModel(resolveOutcomeParameters(context.registry));

describe("structureCalibrationReport", () => {
  const report = structureCalibrationReport(model, context, strategies);

  it("structureCalibrationReport(model) lists the three fitted OS targets and the SEER landmark check", () => {
    expect(report.map((e) => [e.id, e.role])).toEqual([
      ["external.lowGrade.os.median", "fitted"],
      ["external.g3net.os.median", "fitted"],
      ["external.nec.os.median", "fitted"],
      ["external.seer.metastatic.os5y", "check"],
    ]);
    expect(structureTargets.map((t) => t.parameter)).toEqual(["ppsRateLowGrade", "ppsRateG3", "ppsRateNec"]);
  });

  it("the stored post-progression rates (data/assumptions/structure.json) still reproduce the external OS targets: G1/G2 and NEC at the middle within Monte Carlo error, G3 NET inside its range", () => {
    for (const entry of report.slice(0, 3)) {
      const [low, high] = entry.range!;
      expect(entry.simulated, entry.id).toBeGreaterThanOrEqual(low);
      expect(entry.simulated, entry.id).toBeLessThanOrEqual(high);
    }
    // the fit used 40,000 patients of each group (sub-stream "structure-fit"), this check the group's share of 30,000
    // ("structure-check"): the gap is the Monte Carlo error of both, SE ≈ (95% CI width / 3.92) × √(1 + 1/2) at most; 3 SE
    for (const entry of [report[0], report[2]]) {
      const se = ((entry.upper! - entry.lower!) / 3.92) * Math.sqrt(1.5);
      expect(Math.abs(entry.simulated - entry.target), entry.id).toBeLessThan(3 * se);
    }
    // G3 NET keeps the G1/G2 rate (post-progression death no slower in a higher grade): below the middle, inside the range
    expect(report[1].simulated).toBeLessThan(report[1].target);
    expect(model.sequencing!.ppsRateByGrade[2]).toBe(model.sequencing!.ppsRateByGrade[0]);
  });

  it("the whole reference cohort's 5-year OS lies at or above SEER's 28% for all metastatic pNET (an unselected, older, partly untreated population) and below 50%", () => {
    const seer = report[3];
    expect(seer.measure).toBe("survival at 60 months");
    expect(seer.simulated).toBeGreaterThanOrEqual(28);
    expect(seer.simulated).toBeLessThan(50);
  });
});

describe("spearman", () => {
  it("spearman(x, y) matches R's cor(x, y, method = 'spearman') with ties (test/fixtures/r/lifeTable/life-table.json)", () => {
    const fixture = JSON.parse(readFileSync(new URL("../fixtures/r/lifeTable/life-table.json", import.meta.url), "utf8")) as { spearman: { x: number[]; y: number[]; rho: number } };
    expect(spearman(fixture.spearman.x, fixture.spearman.y)).toBeCloseTo(fixture.spearman.rho, 12);
  });
});
