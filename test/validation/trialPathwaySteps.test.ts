import { describe, expect, it } from "vitest";
import { pathwayStepLines, trialPathwaySteps } from "../../src/validation/trialPathwaySteps.js";

const systemic = new Set(["ssa", "captem", "everolimus", "sunitinib", "prrt", "conversionTherapy"]);
const symptom = new Set(["glucoseControl"]);
const steps = (...lines: string[][]) => lines.flatMap((line, index) => line.map((treatment) => ({ treatment, line: index + 1 })));
const labels = (s: readonly { treatment: string; line?: number }[]) => s.map((x) => `${x.line}:${x.treatment}`).join(" ");
const base = { systemicTreatments: systemic, symptomTreatments: symptom, trialTreatments: new Set(["everolimus", "bestSupportiveCare"]), crossoverTo: null };

describe("trialPathwaySteps(input)", () => {
  it("pathwayStepLines(pathway) groups consecutive steps of the same line", () => {
    expect(pathwayStepLines(steps(["glucoseControl", "hace"], ["ssa"])).map((l) => l.map((s) => s.treatment))).toEqual([["glucoseControl", "hace"], ["ssa"]]);
  });

  it("trialPathwaySteps(treatment arm, one earlier line) = the trial drug, then the systemic lines left after the first, without the trial's drugs", () => {
    const pathway = steps(["hace"], ["ssa"], ["captem"], ["everolimus"], ["prrt"]);
    // hace is not systemic; ssa is the earlier line; everolimus is the trial's own drug
    expect(labels(trialPathwaySteps({ ...base, armTreatment: "everolimus", pathway, priorSystemicLines: 1 }))).toBe("1:everolimus 2:captem 3:prrt");
    expect(labels(trialPathwaySteps({ ...base, armTreatment: "everolimus", pathway, priorSystemicLines: 0 }))).toBe("1:everolimus 2:ssa 3:captem 4:prrt");
    expect(labels(trialPathwaySteps({ ...base, armTreatment: "everolimus", pathway: null, priorSystemicLines: 0 }))).toBe("1:everolimus");
  });

  it("trialPathwaySteps(control arm, crossing over) puts the crossover treatment second", () => {
    const pathway = steps(["ssa"], ["captem"], ["everolimus"], ["prrt"]);
    expect(labels(trialPathwaySteps({ ...base, armTreatment: "bestSupportiveCare", pathway, priorSystemicLines: 1, crossoverTo: "everolimus" }))).toBe("1:bestSupportiveCare 2:everolimus 3:captem 4:prrt");
  });

  it("trialPathwaySteps(strategy arm) keeps every line from the trial's line on; a line mixing surgery with an SSA is not systemic", () => {
    const pathway = steps(["glucoseControl", "ssa", "primaryResection"], ["captem"], ["everolimus"]);
    expect(labels(trialPathwaySteps({ ...base, armTreatment: null, pathway, priorSystemicLines: 0 }))).toBe("1:glucoseControl 1:ssa 1:primaryResection 2:captem 3:everolimus");
    expect(labels(trialPathwaySteps({ ...base, armTreatment: null, pathway, priorSystemicLines: 1 }))).toBe("1:everolimus");
  });
});
