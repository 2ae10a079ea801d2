import { describe, expect, it } from "vitest";
import { compositionSpec } from "../../src/figures/compositionSpec.js";
import { vegaLiteSchemaErrors } from "./vegaLiteSchema.js";

type AnyRecord = Record<string, any>;

const rows = [
  { bar: "Surgery first", category: "Resection", count: 30 },
  { bar: "Surgery first", category: "Systemic", count: 70 },
  { bar: "Systemic first", category: "Systemic", count: 90 },
  { bar: "Systemic first", category: "Transplant", count: 10 },
];

describe("compositionSpec(rows, options)", () => {
  it("compositionSpec(rows) validates against the Vega-Lite schema", () => {
    expect(vegaLiteSchemaErrors(compositionSpec(rows, { categoryTitle: "Pathway" }))).toEqual([]);
  });

  it("compositionSpec(rows) gives each bar shares summing to 1 and orders categories by size", () => {
    const spec = compositionSpec(rows, { categoryTitle: "Pathway" }) as AnyRecord;
    const values = spec.data.values as AnyRecord[];
    for (const bar of ["Surgery first", "Systemic first"]) {
      const total = values.filter((v) => v.bar === bar).reduce((sum, v) => sum + v.share, 0);
      expect(total).toBeCloseTo(1, 12);
    }
    expect(spec.layer[0].encoding.color.scale.domain).toEqual(["Systemic", "Resection", "Transplant"]);
    expect(spec.layer[0].encoding.y.sort).toEqual(["Surgery first", "Systemic first"]);
  });
});
