import { describe, expect, it } from "vitest";
import { compile } from "vega-lite";
import { kaplanMeier } from "../../src/analysis/kaplanMeier.js";
import { parametricFitSpec, type FittedCurveInput } from "../../src/figures/parametricFitSpec.js";
import { renderSvg } from "../../src/figures/renderNode.js";
import { okabeIto, seriesColour } from "../../src/figures/palette.js";
import { vegaLiteSchemaErrors } from "./vegaLiteSchema.js";

const a = kaplanMeier([2, 3, 5, 8, 8, 12, 15], [1, 1, 0, 1, 1, 0, 1]);
const b = kaplanMeier([4, 6, 9, 11, 14, 20, 22], [1, 0, 1, 1, 1, 1, 0]);
const grid = Array.from({ length: 31 }, (_, i) => i);
const curve = (label: string, group: string, rate: number): FittedCurveInput => ({ label, group, time: grid, survival: grid.map((t) => Math.exp(-rate * t)) });
const fitted = [curve("Weibull (AIC 80.1)", "A", 0.1), curve("Weibull (AIC 80.1)", "B", 0.06), curve("Exponential (AIC 81.0)", "A", 0.09), curve("Exponential (AIC 81.0)", "B", 0.05)];

describe("parametricFitSpec(kaplanMeier, fitted, options)", () => {
  it("parametricFitSpec compiles without warnings: a panel per group, the KM in black first in the legend, fits in Okabe–Ito order", () => {
    const spec = parametricFitSpec([{ group: "A", km: a }, { group: "B", km: b }], fitted, { timeTitle: "Months", maxTime: 30 });
    const warnings: string[] = [];
    const logger = { level: () => logger, error: (m: unknown) => void warnings.push(String(m)), warn: (m: unknown) => void warnings.push(String(m)), info: () => logger, debug: () => logger };
    compile(spec, { logger: logger as never });
    expect(warnings).toEqual([]);
    const concat = (spec as unknown as { concat: { title: { text: string }; layer: { encoding: { color?: { scale: { domain: string[]; range: string[] } } } }[] }[] }).concat;
    expect(concat.map((panel) => panel.title.text)).toEqual(["A", "B"]);
    const colour = concat[0]!.layer[0]!.encoding.color!.scale;
    expect(colour.domain).toEqual(["Kaplan–Meier", "Weibull (AIC 80.1)", "Exponential (AIC 81.0)"]);
    expect(colour.range).toEqual([okabeIto.black, seriesColour(0), seriesColour(1)]);
    expect((spec.usermeta as { pnenSim: { widthMm: number; maxTime: number } }).pnenSim).toMatchObject({ widthMm: 183, maxTime: 30 });
  });

  it("parametricFitSpec validates against the Vega-Lite schema and renders the legend and axis titles", async () => {
    const spec = parametricFitSpec([{ group: "all", km: a }], fitted.filter((c) => c.group === "A").map((c) => ({ ...c, group: "all" })), { title: "PFS" });
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
    expect((spec.usermeta as { pnenSim: { widthMm: number } }).pnenSim.widthMm).toBe(89);
    const { svg, warnings } = await renderSvg(spec);
    expect(warnings).toEqual([]);
    expect(svg).toContain("Survival probability");
    expect(svg).toContain("Weibull (AIC 80.1)");
  });

  it("parametricFitSpec rejects no curves, duplicate groups and fits of unknown groups", () => {
    expect(() => parametricFitSpec([], [])).toThrow("parametricFitSpec requires at least one Kaplan-Meier curve");
    expect(() => parametricFitSpec([{ group: "A", km: a }, { group: "A", km: b }], [])).toThrow("requires distinct groups, got A, A");
    expect(() => parametricFitSpec([{ group: "A", km: a }], [curve("W", "C", 0.1)])).toThrow("fitted curve 'W' is for group 'C', which has no Kaplan-Meier curve");
  });
});
