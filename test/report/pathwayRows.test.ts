import { describe, expect, it } from "vitest";
import { firstLineCompositionRows, lineFlowRows, pathwayInWords, pathwayLines } from "../../src/report/pathwayRows.js";
import { reportInputFixture } from "./reportInputFixture.js";

describe("pathway rows", () => {
  const input = reportInputFixture(9);
  const names = input.treatmentNames;
  const skip = new Set(input.symptomTreatments);

  it("pathwayInWords(label, names) spells out every treatment", () => {
    expect(pathwayInWords("captem>everolimus", names)).toBe("Capecitabine plus temozolomide (CAPTEM) > Everolimus (mTOR inhibitor)");
  });

  it("pathwayLines(label, names, skip) drops symptom control and uses short names", () => {
    expect(pathwayLines("glucoseControl+hace>ssa", names, skip)).toEqual(["HACE/TACE", "SSA"]);
    expect(pathwayLines("glucoseControl>captem", names, skip)).toEqual(["CAPTEM"]);
  });

  it("firstLineCompositionRows(strategies) counts every patient once per strategy", () => {
    const rows = firstLineCompositionRows(input.strategies, names, skip);
    for (const s of input.strategies) expect(rows.filter((r) => r.bar === s.label).reduce((sum, r) => sum + r.count, 0)).toBe(9);
    expect(rows.filter((r) => r.bar === "Review pathway").map((r) => [r.category, r.count])).toEqual([["Best supportive care", 3], ["CAPTEM", 3], ["HACE/TACE", 3]]);
  });

  it("lineFlowRows(strategy) pairs first and second lines", () => {
    expect(lineFlowRows(input.strategies[0], names, skip).map((r) => [r.bar, r.category, r.count])).toEqual([
      ["Best supportive care", "No second line", 3],
      ["CAPTEM", "Everolimus", 3],
      ["HACE/TACE", "SSA", 3],
    ]);
    expect(lineFlowRows(input.strategies[0], names, skip, 6, 1).map((r) => [r.bar, r.category, r.count])).toEqual([
      ["Everolimus", "No third line", 3],
      ["SSA", "No third line", 3],
    ]);
  });
});
