import { describe, expect, it } from "vitest";
import { compile } from "vega-lite";
import { powerCurveSpec, type PowerCurveRow } from "../../src/figures/powerCurveSpec.js";
import { renderSvg } from "../../src/figures/renderNode.js";
import { seriesColour } from "../../src/figures/palette.js";
import { vegaLiteSchemaErrors } from "./vegaLiteSchema.js";

const points: PowerCurveRow[] = [
  { n: 80, effect: "HR 0.55", power: 0.62, lower: 0.6, upper: 0.64, schoenfeldPower: 0.63 },
  { n: 120, effect: "HR 0.55", power: 0.8, lower: 0.78, upper: 0.82, schoenfeldPower: 0.81 },
  { n: 80, effect: "HR 0.7", power: 0.3, lower: 0.28, upper: 0.32 },
  { n: 120, effect: "HR 0.7", power: 0.42, lower: 0.4, upper: 0.44 },
];

describe("powerCurveSpec(points, options)", () => {
  it("powerCurveSpec compiles with Vega-Lite without warnings: one colour per effect, a band, Schoenfeld lines and the target rule", () => {
    const spec = powerCurveSpec(points, { targetPower: 0.8, title: "Power" });
    const warnings: string[] = [];
    const logger = { level: () => logger, error: (m: unknown) => void warnings.push(String(m)), warn: (m: unknown) => void warnings.push(String(m)), info: () => logger, debug: () => logger };
    compile(spec, { logger: logger as never });
    expect(warnings).toEqual([]);
    const layers = (spec as { layer: { mark: { type: string } }[] }).layer;
    expect(layers.map((layer) => layer.mark.type)).toEqual(["rule", "area", "line", "line"]);
    const colour = (layers[3] as unknown as { encoding: { color: { scale: { domain: string[]; range: string[] } } } }).encoding.color.scale;
    expect(colour.domain).toEqual(["HR 0.55", "HR 0.7"]);
    expect(colour.range).toEqual([seriesColour(0), seriesColour(1)]);
    expect((spec.usermeta as { pnenSim: { widthMm: number } }).pnenSim.widthMm).toBe(89);
  });
  it("powerCurveSpec renders to an SVG with the axis titles and percentage ticks", async () => {
    const { svg, warnings } = await renderSvg(powerCurveSpec(points, { targetPower: 0.8 }));
    expect(warnings).toEqual([]);
    expect(svg).toContain("Patients randomised (n)");
    expect(svg).toContain(">80%<");
  });
  it("powerCurveSpec([]) throws", () => {
    expect(() => powerCurveSpec([])).toThrow("powerCurveSpec requires at least one point");
  });
  it("powerCurveSpec validates against the Vega-Lite schema, with and without a title", () => {
    expect(vegaLiteSchemaErrors(powerCurveSpec(points, { targetPower: 0.8, title: "Power" }))).toEqual([]);
    expect(vegaLiteSchemaErrors(powerCurveSpec(points))).toEqual([]);
  });
  // Regression: the figure drew thin Schoenfeld lines, a shaded band and a dashed target line with no key, so
  // a reader of the PNG could not tell the simulated from the formula's power.
  it("powerCurveSpec draws its key in the figure: simulated points and band, thin Schoenfeld lines, dashed target", async () => {
    const { svg } = await renderSvg(powerCurveSpec(points, { targetPower: 0.8 }));
    expect(svg).toContain("Points: simulated power (band: 95% Monte Carlo interval)");
    expect(svg).toMatch(/>Thin lines: Schoenfeld(&#39;|&apos;|')s formula · grey dashed line: target power 80%</);
    const { svg: plain } = await renderSvg(powerCurveSpec(points.map(({ schoenfeldPower, ...rest }) => rest)));
    expect(plain).toContain(">Points: simulated power (band: 95% Monte Carlo interval)<");
    expect(plain).not.toMatch(/>Thin lines/);
    expect(plain).not.toMatch(/target power/);
  });
});
