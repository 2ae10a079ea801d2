import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../src/analysis/kaplanMeier.js";
import { compositionSpec } from "../../src/figures/compositionSpec.js";
import { forestPlotSpec } from "../../src/figures/forestPlotSpec.js";
import { kmComparisonSpec } from "../../src/figures/kmComparisonSpec.js";
import { readPngInfo } from "../../src/figures/pngChunks.js";
import { figureFontFiles, renderFigure, renderPng, renderSvg } from "../../src/figures/renderNode.js";
import { tornadoSpec } from "../../src/figures/tornadoSpec.js";
import { exponentialSample } from "./kmFixture.js";

function kmSpec(width: "single" | "double" = "single") {
  const a = exponentialSample(400, 29, 60, 1);
  const b = exponentialSample(400, 18, 60, 2);
  const c = exponentialSample(400, 12, 60, 3);
  return kmComparisonSpec(
    [
      { label: "Review pathway", km: kaplanMeier(a.time, a.event) },
      { label: "Upfront surgery", km: kaplanMeier(b.time, b.event) },
      { label: "CAPTEM first", km: kaplanMeier(c.time, c.event) },
    ],
    { endpoint: "pfs", width, hazardRatios: [{ comparison: "Upfront surgery vs review", estimate: 1.5, lower: 1.2, upper: 1.8 }], logRankP: 0.01 },
  );
}

/** Decodes a PNG's IDAT stream and checks it holds exactly height rows of (1 filter byte + width × channels). */
function decodedBytes(png: Uint8Array): { expected: number; actual: number } {
  const info = readPngInfo(png);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const parts: Uint8Array[] = [];
  let colourType = -1;
  for (let offset = 8; offset < png.length; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    if (type === "IHDR") colourType = png[offset + 8 + 9];
    if (type === "IDAT") parts.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : colourType === 4 ? 2 : 1;
  return { expected: info.height * (1 + info.width * channels), actual: inflateSync(Buffer.concat(parts)).length };
}

describe("renderFigure(spec, options)", () => {
  it("renderSvg(kmSpec) is byte-identical across runs", async () => {
    const first = await renderSvg(kmSpec(), { provenance: { seed: "42" } });
    const second = await renderSvg(kmSpec(), { provenance: { seed: "42" } });
    expect(second.svg).toBe(first.svg);
    expect(first.warnings).toEqual([]);
  });

  it("renderSvg(kmSpec) draws one curve path per strategy and sizes the SVG in millimetres", async () => {
    const { svg } = await renderSvg(kmSpec());
    const lineGroups = svg.match(/<g class="mark-line role-mark concat_0_layer_1_marks"[^>]*>/g) ?? [];
    expect(lineGroups).toHaveLength(3);
    expect(svg).toMatch(/^<svg[^>]* width="89mm" height="[\d.]+mm" viewBox="0 0 [\d.]+ [\d.]+"/);
    expect(svg).toContain("Number at risk");
    expect(svg).toContain("Probability of");
  });

  it("renderFigure(kmSpec) writes a PNG of 1051 px (89 mm at 300 dpi) with pHYs 300 dpi that decodes", async () => {
    const figure = await renderFigure(kmSpec(), { provenance: { seed: "42", scenarioHash: "abc" } });
    const info = readPngInfo(figure.png);
    expect(info.width).toBe(1051);
    expect(info.height).toBe(figure.pngHeight);
    expect(info.dotsPerInch).toBe(300);
    expect(info.pixelsPerMetreX).toBe(11811);
    expect(info.text).toMatchObject({ seed: "42", scenarioHash: "abc" });
    const { expected, actual } = decodedBytes(figure.png);
    expect(actual).toBe(expected);
    expect(JSON.parse(figure.json).usermeta.provenance).toEqual({ seed: "42", scenarioHash: "abc" });
  });

  it("renderFigure(double-column spec) is 2161 px wide (183 mm at 300 dpi); renderPng(svg) keeps the SVG's width", async () => {
    const figure = await renderFigure(kmSpec("double"));
    expect(readPngInfo(figure.png).width).toBe(2161);
    expect(figure.svg).toMatch(/^<svg[^>]* width="183mm"/);
    expect(readPngInfo(renderPng(figure.svg).png).width).toBe(2161);
    expect(readPngInfo(renderPng(figure.svg, { width: 120, dotsPerInch: 600 }).png)).toMatchObject({ width: 2835, dotsPerInch: 600 });
  });

  it("renderFigure(every builder) renders without warnings, close to the journal width", async () => {
    const specs = [
      kmSpec(),
      forestPlotSpec([{ group: "Strategy", label: "Upfront surgery", hazardRatio: 1.4, lower: 1.2, upper: 1.7 }]),
      tornadoSpec([{ parameter: "Sunitinib median OS", lowValue: 40, highValue: 52, baseline: 46 }], { outcome: "Median overall survival (months)" }),
      compositionSpec([{ bar: "Review", category: "Resection", count: 3 }], { categoryTitle: "Pathway" }),
    ];
    for (const spec of specs) {
      const { svg, warnings } = await renderSvg(spec);
      expect(warnings).toEqual([]);
      const [, w] = /viewBox="0 0 ([\d.]+) /.exec(svg)!;
      const target = ((spec.usermeta as any).pnenSim.widthMm / 25.4) * 72;
      // fonts print within 10% of their nominal size
      expect(Math.abs(Number(w) / target - 1)).toBeLessThan(0.1);
    }
  });

  it("figureFontFiles() finds DejaVu Sans", () => {
    expect(figureFontFiles()[0]).toMatch(/DejaVuSans\.ttf$/);
  });
});
