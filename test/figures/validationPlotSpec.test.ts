import { describe, expect, it } from "vitest";
import { validationPlotSpec, type ValidationPlotRow } from "../../src/figures/validationPlotSpec.js";
import { vegaLiteSchemaErrors } from "./vegaLiteSchema.js";

const rows: ValidationPlotRow[] = [
  { label: "RADIANT-3, PFS", predicted: { estimate: 0.55, lower: 0.44, upper: 0.67 }, published: { estimate: 0.35, lower: 0.27, upper: 0.45 }, circular: true },
  { label: "Trial X, OS", predicted: { estimate: null, lower: null, upper: null }, published: { estimate: 1.1, lower: 0.8, upper: 1.5 }, circular: false },
];

describe("validationPlotSpec(rows, options)", () => {
  it("validationPlotSpec(rows) validates against the Vega-Lite schema", () => {
    expect(vegaLiteSchemaErrors(validationPlotSpec(rows))).toEqual([]);
  });

  it("validationPlotSpec(rows) draws both intervals per row, labels circular rows and prints both HRs", () => {
    const spec = validationPlotSpec(rows) as unknown as { hconcat: { data?: { values: Record<string, unknown>[] }; layer?: { data?: { values: Record<string, unknown>[] } }[] }[] };
    expect(spec.hconcat[0].data!.values.map((v) => v.label)).toEqual(["RADIANT-3, PFS (circular)", "Trial X, OS"]);
    const marks = spec.hconcat[1].layer![1].data!.values;
    // a predicted HR that could not be estimated draws nothing; the published one still does
    expect(marks.map((m) => [m.row, m.series, m.estimate, m.lower, m.upper])).toEqual([
      [0, "Predicted (range of trials of the published size)", 0.55, 0.44, 0.67],
      [0, "Published (95% CI)", 0.35, 0.27, 0.45],
      [1, "Published (95% CI)", 1.1, 0.8, 1.5],
    ]);
    expect(spec.hconcat[2].data!.values.map((v) => [v.predicted, v.published])).toEqual([["0.55 (0.44–0.67)", "0.35 (0.27–0.45)"], ["NR (NR–NR)", "1.10 (0.80–1.50)"]]);
    expect(() => validationPlotSpec([])).toThrow("validationPlotSpec requires at least one row");
  });
});
