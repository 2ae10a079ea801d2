import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { tornadoSpec } from "../../src/figures/tornadoSpec.js";
import { decodePngRgb, rasterPdf } from "../../src/figures/rasterPdfNode.js";
import { renderFigure } from "../../src/figures/renderNode.js";

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

describe("rasterPdf(png, widthMm, info)", () => {
  it("rasterPdf(png, 89) is a one-page PDF 89 mm wide whose image is the PNG's pixels, with a valid xref", async () => {
    const figure = await renderFigure(tornadoSpec([{ parameter: "Input", lowValue: 1, highValue: 3, baseline: 2 }], { outcome: "Median OS (months)" }), { provenance: { seed: "1" } });
    const pdf = figure.pdf;
    const text = latin1(pdf);
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    const [, w, h] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text)!;
    expect(Number(w)).toBeCloseTo((89 / 25.4) * 72, 2);
    expect(Number(h) / Number(w)).toBeCloseTo(figure.pngHeight / figure.pngWidth, 4);
    // every xref offset points at its object
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    const entries = text.slice(startxref).split("\n").filter((line) => / 00000 n $/.test(line));
    entries.forEach((line, i) => expect(text.slice(Number(line.slice(0, 10)), Number(line.slice(0, 10)) + 12)).toMatch(new RegExp(`^${i + 1} 0 obj\\n`)));
    // the image stream inflates to exactly the decoded PNG
    const imageHeader = /\/Width (\d+) \/Height (\d+) .*?\/Length (\d+) >>\nstream\n/.exec(text)!;
    const start = imageHeader.index + imageHeader[0].length;
    const rgb = inflateSync(Buffer.from(pdf.subarray(start, start + Number(imageHeader[3]))));
    const decoded = decodePngRgb(figure.png);
    expect([Number(imageHeader[1]), Number(imageHeader[2])]).toEqual([decoded.width, decoded.height]);
    expect(Buffer.compare(rgb, Buffer.from(decoded.rgb))).toBe(0);
    expect(text).toContain('/Subject ({"seed":"1"})');
  });

  it("decodePngRgb(png) composites on white: a blank PNG area is white", async () => {
    const figure = await renderFigure(tornadoSpec([{ parameter: "Input", lowValue: 1, highValue: 3, baseline: 2 }], { outcome: "x" }));
    const { rgb } = decodePngRgb(figure.png);
    expect([rgb[0], rgb[1], rgb[2]]).toEqual([255, 255, 255]);
    expect(rasterPdf(figure.png, 89)).toEqual(rasterPdf(figure.png, 89));
  });
});
