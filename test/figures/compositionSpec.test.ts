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

describe("compositionSpec(rows) rendered", () => {
  // Regression: the share labels were filtered (share >= 8%) before stacking, so a label after small,
  // unlabelled segments sat over the wrong segment (e.g. "27%" of "Other" drawn on a 7% segment).
  it("compositionSpec puts every share label inside its own segment when small segments come first", async () => {
    const { compile } = await import("vega-lite");
    const vega = await import("vega");
    const rows = [
      { bar: "A", category: "Large", count: 40 },
      { bar: "A", category: "Small 1", count: 5 },
      { bar: "A", category: "Small 2", count: 4 },
      { bar: "A", category: "Small 3", count: 3 },
      { bar: "A", category: "Other lines", count: 48 },
    ];
    const spec = compositionSpec(rows, { categoryTitle: "Pathway", categoryOrder: ["Large", "Small 1", "Small 2", "Small 3", "Other lines"] });
    const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
    await view.runAsync();
    const items: AnyRecord[] = [];
    const walk = (node: AnyRecord) => {
      if (node.marktype !== undefined) for (const item of node.items ?? []) items.push({ ...item, marktype: node.marktype });
      for (const child of node.items ?? []) walk(child);
    };
    walk((view.scenegraph() as AnyRecord).root);
    const rects = items.filter((i) => i.marktype === "rect" && i.datum?.category !== undefined);
    const texts = items.filter((i) => i.marktype === "text" && i.datum?.category !== undefined);
    // Shares 40%, 5%, 4%, 3%, 48%: "Large" on [0, 0.40], "Other lines" on [0.52, 1].
    expect(texts.map((t) => t.datum.category).sort()).toEqual(["Large", "Other lines"]);
    for (const text of texts) {
      const rect = rects.find((r) => r.datum.category === text.datum.category);
      expect(rect).not.toBeUndefined();
      expect(text.x).toBeGreaterThan(rect!.x);
      expect(text.x).toBeLessThan(rect!.x + rect!.width);
      expect(text.x).toBeCloseTo(rect!.x + rect!.width / 2, 0);
    }
    view.finalize();
  });
});
