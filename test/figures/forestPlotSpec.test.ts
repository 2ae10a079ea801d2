import { describe, expect, it } from "vitest";
import { forestPlotSpec, type ForestRow } from "../../src/figures/forestPlotSpec.js";
import { vegaLiteSchemaErrors } from "./vegaLiteSchema.js";

type AnyRecord = Record<string, any>;

const rows: ForestRow[] = [
  { group: "Strategy vs review", label: "Upfront surgery", hazardRatio: 1.4, lower: 1.2, upper: 1.7, n: 500, events: 400 },
  { group: "WHO grade", label: "G1", hazardRatio: 0.8, lower: 0.5, upper: 1.2 },
  { group: "WHO grade", label: "NEC", hazardRatio: null, lower: null, upper: null },
  { group: "ENETS type", label: "III", hazardRatio: 0.03, lower: 0.01, upper: 40 },
];

describe("forestPlotSpec(rows, options)", () => {
  it("forestPlotSpec(rows) validates against the Vega-Lite schema", () => {
    expect(vegaLiteSchemaErrors(forestPlotSpec(rows, { endpointName: "overall survival" }))).toEqual([]);
  });

  it("forestPlotSpec(rows) keeps row order under a heading per group and prints HR (95% CI)", () => {
    const spec = forestPlotSpec(rows) as AnyRecord;
    const display = spec.hconcat[0].data.values as AnyRecord[];
    expect(display.map((d) => d.text)).toEqual(["Strategy vs review", "Upfront surgery (400/500)", "WHO grade", "G1", "NEC", "ENETS type", "III"]);
    expect(display.map((d) => d.heading)).toEqual([true, false, true, false, false, true, false]);
    const estimates = spec.hconcat[2].data.values.map((d: AnyRecord) => d.estimate);
    expect(estimates).toContain("1.40 (1.20–1.70)");
    expect(estimates).toContain("not estimable");
  });

  it("forestPlotSpec(rows) uses a log axis containing 1 and clips intervals to it", () => {
    const spec = forestPlotSpec(rows) as AnyRecord;
    const layer = spec.hconcat[1].layer;
    const domain = layer[1].encoding.x.scale.domain;
    expect(layer[1].encoding.x.scale.type).toBe("log");
    expect(domain[0]).toBeLessThanOrEqual(0.05);
    expect(domain[1]).toBeGreaterThanOrEqual(20);
    const extreme = layer[1].data.values.find((d: AnyRecord) => d.text === "III");
    expect(extreme.lowerShown).toBe(domain[0]);
    expect(extreme.upperShown).toBe(domain[1]);
  });

  it("forestPlotSpec([]) throws", () => {
    expect(() => forestPlotSpec([])).toThrow("forestPlotSpec requires at least one row");
  });
});
