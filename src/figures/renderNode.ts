import { existsSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import { compile } from "vega-lite";
import { projectRoot } from "../io/projectRoot.js";
import { writeFileAtomic } from "../io/writeFileAtomic.js";
import { pixelsFromMm, widthMm, type FigureWidth } from "./journalSize.js";
import { installFontMetrics } from "./fontMetricsNode.js";
import { setPngMetadata } from "./pngChunks.js";
import { rasterPdf } from "./rasterPdfNode.js";
import { specJson } from "./specJson.js";

/**
 * Headless figure rendering in Node — no browser, no canvas (Node only; the specs themselves are pure).
 * Text is measured with DejaVu Sans's own advance widths (fontMetricsNode.ts), so the layout vega computes
 * is the one resvg draws.
 *
 *   Vega-Lite spec ─ vl.compile ─▶ Vega spec ─ View(renderer "none").toSVG() ─▶ SVG (byte-identical per spec)
 *        │                                                       │ width/height rewritten in mm
 *        └──▶ name.vl.json (to restyle)                           ├──▶ name.svg
 *                                                                 └─ resvg (DejaVu Sans, white) ─▶ PNG
 *                                                                      + pHYs 300 dpi + tEXt ─▶ name.png
 *                                                                      └─ rasterPdf ─▶ name.pdf (raster)
 *
 * The PDF is the 300-dpi raster at the physical size: vega's PDF path needs node-canvas, and a vector PDF
 * from SVG needs a package (e.g. svg2pdf.js + jsPDF, or pdfkit + svg-to-pdfkit) or a browser. For vectors,
 * import the SVG into any layout program.
 */

/** Key–value provenance written into every file: the SVG's <metadata>, the PNG's tEXt chunks, the JSON's usermeta. */
export type FigureProvenance = Readonly<Record<string, string>>;

export interface RenderOptions {
  /** Physical width: "single" (89 mm), "double" (183 mm), or millimetres. Default: the width the spec was built for. */
  readonly width?: FigureWidth;
  /** PNG resolution, dots per inch. Default 300. */
  readonly dotsPerInch?: number;
  readonly provenance?: FigureProvenance;
}

export interface RenderedFigure {
  readonly svg: string;
  readonly png: Uint8Array;
  /** One-page PDF of the PNG at the figure's physical size (raster, see rasterPdfNode.ts). */
  readonly pdf: Uint8Array;
  /** The Vega-Lite spec as written to .vl.json (with provenance in usermeta), pretty-printed. */
  readonly json: string;
  /** Vega-Lite and Vega warnings while compiling and rendering (empty for a clean spec). */
  readonly warnings: readonly string[];
  readonly pngWidth: number;
  readonly pngHeight: number;
}

const systemFontFolders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu", "/usr/local/share/fonts"];

/**
 * The DejaVu Sans files (regular, then bold if present) that resvg draws with and vega measures with: `data/fonts/` of the package first (if shipped), then the system
 * folders where Debian, Ubuntu, Fedora and Arch put them. Loading named files instead of every system font
 * makes the PNG identical across machines that have them. Empty when none is found (resvg then falls back to
 * the system fonts, and text may look different).
 */
export function figureFontFiles(): string[] {
  const folders = [join(projectRoot(), "data", "fonts"), ...systemFontFolders];
  for (const folder of folders) {
    const files = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => join(folder, file));
    if (existsSync(files[0])) return files.filter((file) => existsSync(file));
  }
  return [];
}

/**
 * The physical width a spec was laid out for (`usermeta.pnenSim.widthMm`, set by every pnen-sim builder), so
 * the renderer prints it at the size its fonts were chosen for. Falls back to single column.
 */
export function specWidthMm(spec: TopLevelSpec): number {
  const meta = (spec.usermeta as { pnenSim?: { widthMm?: unknown } } | undefined)?.pnenSim;
  return typeof meta?.widthMm === "number" && meta.widthMm > 0 ? meta.widthMm : widthMm("single");
}

/** Compiles a Vega-Lite spec and renders it to an SVG string whose width and height are in millimetres. */
export async function renderSvg(spec: TopLevelSpec, options: RenderOptions = {}): Promise<{ svg: string; warnings: string[] }> {
  const fonts = figureFontFiles();
  if (fonts.length > 0) installFontMetrics(fonts[0], fonts[1]);
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const compiled = compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logger, logLevel: vega.Warn });
  // Clip-path ids come from a process-wide counter; reset it so the same spec gives the same bytes.
  vega.resetSVGDefIds();
  const raw = await view.toSVG();
  view.finalize();
  return { svg: physicalSvg(raw, widthMm(options.width ?? specWidthMm(spec)), options.provenance ?? {}), warnings };
}

/**
 * Renders an SVG to a PNG at `dotsPerInch`, as wide as `options.width` or else as the SVG's own width in
 * millimetres (as renderSvg writes it; single column if it has none), with pHYs and provenance tEXt chunks.
 */
export function renderPng(svg: string, options: RenderOptions = {}): { png: Uint8Array; width: number; height: number } {
  const dotsPerInch = options.dotsPerInch ?? 300;
  const ownWidth = /^<svg[^>]* width="([\d.]+)mm"/.exec(svg);
  const pixels = pixelsFromMm(widthMm(options.width ?? (ownWidth === null ? "single" : Number(ownWidth[1]))), dotsPerInch);
  const fontFiles = figureFontFiles();
  const image = new Resvg(svg, {
    fitTo: { mode: "width", value: pixels },
    background: "white",
    font: { loadSystemFonts: fontFiles.length === 0, fontFiles, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    shapeRendering: 2,
    textRendering: 1,
  }).render();
  const png = setPngMetadata(image.asPng(), dotsPerInch, { Software: "pnen-sim (vega, resvg)", ...(options.provenance ?? {}) });
  return { png, width: image.width, height: image.height };
}

/** Renders a spec to SVG, PNG and its restylable JSON, in memory. */
export async function renderFigure(spec: TopLevelSpec, options: RenderOptions = {}): Promise<RenderedFigure> {
  const sized = { ...options, width: options.width ?? specWidthMm(spec) };
  const { svg, warnings } = await renderSvg(spec, sized);
  const { png, width, height } = renderPng(svg, sized);
  const pdf = rasterPdf(png, widthMm(sized.width), { Title: spec.description ?? "pnen-sim figure", Subject: JSON.stringify(options.provenance ?? {}) });
  const withProvenance = { ...spec, usermeta: { ...(spec.usermeta ?? {}), provenance: { ...(options.provenance ?? {}) } } } as TopLevelSpec;
  return { svg, png, pdf, json: specJson(withProvenance), warnings, pngWidth: width, pngHeight: height };
}

/** Writes `folder/name.svg`, `name.png`, `name.pdf` and `name.vl.json` atomically; returns the paths. */
export async function writeFigure(folder: string, name: string, spec: TopLevelSpec, options: RenderOptions = {}): Promise<{ paths: string[]; figure: RenderedFigure }> {
  const figure = await renderFigure(spec, options);
  const paths = [join(folder, `${name}.svg`), join(folder, `${name}.png`), join(folder, `${name}.pdf`), join(folder, `${name}.vl.json`)];
  writeFileAtomic(paths[0], figure.svg);
  writeFileAtomic(paths[1], figure.png);
  writeFileAtomic(paths[2], figure.pdf);
  writeFileAtomic(paths[3], figure.json);
  return { paths, figure };
}

/** Sets the root <svg> width and height in millimetres (keeping the viewBox) and inserts a <metadata> block. */
function physicalSvg(svg: string, millimetres: number, provenance: FigureProvenance): string {
  return svg.replace(/^<svg([^>]*?) width="([\d.]+)" height="([\d.]+)"([^>]*)>/, (_match, before: string, w: string, h: string, after: string) => {
    const heightMm = (Number(h) / Number(w)) * millimetres;
    const metadata = Object.keys(provenance).length === 0 ? "" : `<metadata>${escapeXml(JSON.stringify(provenance))}</metadata>`;
    return `<svg${before} width="${round(millimetres)}mm" height="${round(heightMm)}mm"${after}>${metadata}`;
  });
}

const round = (value: number) => String(Math.round(value * 1000) / 1000);

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function collectingLogger(warnings: string[]) {
  const logger = {
    level(_level?: number) {
      return _level === undefined ? vega.Warn : logger;
    },
    error(...args: readonly unknown[]) {
      throw new Error(args.map(String).join(" "));
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(" "));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}
