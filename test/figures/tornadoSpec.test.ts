import { describe, expect, it } from "vitest";
import { tornadoSpec } from "../../src/figures/tornadoSpec.js";
import { vegaLiteSchemaErrors } from "./vegaLiteSchema.js";

type AnyRecord = Record<string, any>;

const rows = [
  { parameter: "Small", lowValue: 45, highValue: 46, baseline: 45.5 },
  { parameter: "Large", lowValue: 40, highValue: 52, baseline: 45.5, inputRange: "40–55" },
  { parameter: "Reversed", lowValue: 49, highValue: 43, baseline: 45.5 },
];

describe("tornadoSpec(rows, options)", () => {
  it("tornadoSpec(rows) validates against the Vega-Lite schema", () => {
    expect(vegaLiteSchemaErrors(tornadoSpec(rows, { outcome: "Median overall survival (months)" }))).toEqual([]);
  });

  it("tornadoSpec(rows) orders inputs by swing, widest first, with a low and a high bar each from the baseline", () => {
    const spec = tornadoSpec(rows, { outcome: "Median overall survival (months)" }) as AnyRecord;
    expect(spec.layer[0].encoding.y.sort).toEqual(["Large (40–55)", "Reversed", "Small"]);
    const bars = spec.layer[0].data.values as AnyRecord[];
    expect(bars).toHaveLength(6);
    expect(bars.filter((b) => b.label === "Reversed").map((b) => [b.end, b.start, b.value])).toEqual([
      ["Low end of input range", 45.5, 49],
      ["High end of input range", 45.5, 43],
    ]);
    expect(spec.layer[0].encoding.x.title).toBe("Median overall survival (months)");
  });

  it("tornadoSpec(rows, {maxRows}) keeps the widest swings", () => {
    const spec = tornadoSpec(rows, { outcome: "x", maxRows: 1 }) as AnyRecord;
    expect(spec.layer[0].encoding.y.sort).toEqual(["Large (40–55)"]);
  });
  it("tornadoSpec(rows, {noiseBand}) draws the band where a bar would end by chance, behind the bars, and validates", () => {
    const spec = tornadoSpec(rows, { outcome: "Median OS (months)", noiseBand: { lower: 40, upper: 44, label: "noise (95%)" } });
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
    const layers = (spec as any).layer;
    expect(layers[0].mark.type).toBe("rect");
    expect(layers[0].data.values).toEqual([{ lower: 40, upper: 44, label: "noise (95%)" }]);
    expect((tornadoSpec(rows, { outcome: "x" }) as any).layer[0].mark.type).toBe("bar");
  });
});
