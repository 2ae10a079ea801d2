import { describe, expect, it } from "vitest";
import { survivalDifferenceSpec } from "../../src/figures/survivalDifferenceSpec.js";
import { vegaLiteSchemaErrors } from "./vegaLiteSchema.js";

type AnyRecord = Record<string, any>;
const rows = [0, 12, 24].flatMap((months) => [
  { series: "Surgery first", months, difference: months / 200, lower: months / 200 - 0.01, upper: months / 200 + 0.01 },
  { series: "PRRT first", months, difference: -months / 300, lower: null, upper: null },
]);

describe("survivalDifferenceSpec(rows, options)", () => {
  it("survivalDifferenceSpec(rows, {tooltips}) validates against the Vega-Lite schema", () => {
    expect(vegaLiteSchemaErrors(survivalDifferenceSpec(rows, { endpointName: "Overall survival", referenceLabel: "Review", tooltips: true }))).toEqual([]);
  });

  it("survivalDifferenceSpec(rows, {styles}) draws one line per strategy in its own style, a zero rule, and bands only where the interval is known", () => {
    const styles = new Map([["PRRT first", { colour: "#009E73", dash: [] }], ["Surgery first", { colour: "#D55E00", dash: [6, 3] }]]);
    const spec = survivalDifferenceSpec(rows, { endpointName: "Overall survival", referenceLabel: "Review", styles }) as AnyRecord;
    const line = spec.layer.find((l: AnyRecord) => l.mark.type === "line");
    expect(line.encoding.color.scale).toEqual({ domain: ["Surgery first", "PRRT first"], range: ["#D55E00", "#009E73"] });
    expect(line.encoding.strokeDash.scale.range).toEqual([[6, 3], []]);
    expect(spec.layer[0].encoding.y.datum).toBe(0);
    expect(spec.layer.find((l: AnyRecord) => l.mark.type === "area").transform[0].filter).toContain("datum.lower != null");
    expect(line.encoding.y.title).toBe("Difference in overall survival vs Review");
  });

  it("survivalDifferenceSpec([]) throws", () => {
    expect(() => survivalDifferenceSpec([], { endpointName: "x", referenceLabel: "y" })).toThrow("survivalDifferenceSpec requires at least one row");
  });
});
