import type { TopLevelSpec } from "vega-lite";
import { compile } from "vega-lite";
import { parse, View } from "vega";
import { journalWidthsMm, pixelsFromMm, pointsFromMm, setPngMetadata } from "../engine/figures/index.js";
import { safeCsvTable, type CsvCellValue } from "../engine/report/index.js";
import type { ChartProvenance } from "./chartProvenance.js";

export interface DownloadSources {
  readonly name: string;
  /** The figure's spec at a journal width in millimetres (re-laid out for the width, as the report does). */
  readonly specAt: (widthMm: number) => TopLevelSpec;
  readonly csv?: readonly Readonly<Record<string, unknown>>[];
  readonly provenance?: ChartProvenance;
}

/** Resolution of the raster downloads (PNG, PDF): journals ask for 300 dpi. */
export const downloadDotsPerInch = 300;

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

function button(label: string, title: string, onClick: () => void | Promise<void>): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = label;
  element.title = title;
  element.dataset.format = label.toLowerCase();
  element.addEventListener("click", () => void onClick());
  return element;
}

/** Numbers to 6 significant digits (no 16-digit floats; counts up to 999,999 exact). */
export function roundForCsv(value: unknown): unknown {
  return typeof value === "number" && Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(6)) : value;
}

/** Rows as CSV with the report's spreadsheet-safe writer, rounded, with the CLI's provenance columns appended to every row. */
export function rowsToCsv(rows: readonly Readonly<Record<string, unknown>>[], provenance: ChartProvenance = {}): string {
  const header = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const extra = { pnen_sim_version: provenance["pnen-sim version"] ?? "", scenario_hash: provenance["scenario hash"] ?? "", seed: provenance.seed ?? "", patients: provenance.patients ?? "" };
  return safeCsvTable([...header, ...Object.keys(extra)], rows.map((row) => [...header.map((key) => roundForCsv(row[key]) as CsvCellValue), ...Object.values(extra)]));
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function viewOf(spec: TopLevelSpec): Promise<View> {
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  await view.runAsync();
  return view;
}

/** The SVG at its physical size in millimetres with the provenance in <metadata> (as the CLI's renderSvg writes it). */
async function physicalSvg(spec: TopLevelSpec, widthMm: number, provenance: ChartProvenance): Promise<string> {
  const svg = await (await viewOf(spec)).toSVG();
  return svg.replace(/^<svg([^>]*?) width="([\d.]+)" height="([\d.]+)"([^>]*)>/, (_m, before: string, w: string, h: string, after: string) => {
    const heightMm = (Number(h) / Number(w)) * widthMm;
    return `<svg${before} width="${widthMm}mm" height="${heightMm.toFixed(3)}mm"${after}><metadata>${escapeXml(JSON.stringify(provenance))}</metadata>`;
  });
}

/** A canvas of the figure exactly `pixelsFromMm(widthMm, 300)` pixels wide. */
async function rasterCanvas(spec: TopLevelSpec, widthMm: number): Promise<HTMLCanvasElement> {
  const view = await viewOf(spec);
  const probe = (await view.toCanvas(1)) as HTMLCanvasElement;
  return (await view.toCanvas(pixelsFromMm(widthMm, downloadDotsPerInch) / probe.width)) as HTMLCanvasElement;
}

const canvasBlob = (canvas: HTMLCanvasElement, type: string, quality?: number) =>
  new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob === null ? reject(new Error(`could not encode ${type}`)) : resolve(blob)), type, quality));

async function png(spec: TopLevelSpec, widthMm: number, provenance: ChartProvenance): Promise<Blob> {
  const canvas = await rasterCanvas(spec, widthMm);
  const bytes = new Uint8Array(await (await canvasBlob(canvas, "image/png")).arrayBuffer());
  return new Blob([setPngMetadata(bytes, downloadDotsPerInch, { Software: "pnen-sim dashboards (vega)", ...provenance }) as Uint8Array<ArrayBuffer>], { type: "image/png" });
}

const pdfString = (text: string) => text.replace(/[^\x20-\x7e]/g, "?").replace(/([()\\])/g, "\\$1");

/**
 * A one-page PDF of the 300-dpi raster at the figure's physical size: the JPEG (quality 0.95) embedded as a DCTDecode
 * image, the provenance in the document information (as the CLI's raster PDF). Prefer the SVG where vectors matter.
 */
async function pdf(spec: TopLevelSpec, widthMm: number, provenance: ChartProvenance): Promise<Blob> {
  const canvas = await rasterCanvas(spec, widthMm);
  // JPEG has no alpha: paint the figure over white first.
  const flat = document.createElement("canvas");
  flat.width = canvas.width;
  flat.height = canvas.height;
  const context = flat.getContext("2d")!;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, flat.width, flat.height);
  context.drawImage(canvas, 0, 0);
  const jpeg = new Uint8Array(await (await canvasBlob(flat, "image/jpeg", 0.95)).arrayBuffer());
  const pageWidth = pointsFromMm(widthMm);
  const pageHeight = (pageWidth * flat.height) / flat.width;
  const encoder = new TextEncoder();
  const content = `q ${pageWidth.toFixed(2)} 0 0 ${pageHeight.toFixed(2)} 0 0 cm /Im0 Do Q\n`;
  const info = `<< /Producer (pnen-sim dashboards) /Title (${pdfString(spec.description ?? "pnen-sim figure")}) /Subject (${pdfString(JSON.stringify(provenance))}) >>`;
  const objects: (string | Uint8Array)[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth.toFixed(2)} ${pageHeight.toFixed(2)}] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    concat([encoder.encode(`<< /Type /XObject /Subtype /Image /Width ${flat.width} /Height ${flat.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`), jpeg, encoder.encode("\nendstream")]),
    info,
  ];
  const parts: Uint8Array[] = [encoder.encode("%PDF-1.4\n")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = concat([encoder.encode(`${i + 1} 0 obj\n`), typeof body === "string" ? encoder.encode(body) : body, encoder.encode("\nendobj\n")]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(encoder.encode(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Blob([concat(parts) as Uint8Array<ArrayBuffer>], { type: "application/pdf" });
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** The journal-width chooser beside every figure's downloads: 89 mm (single column) or 183 mm (double, the default). */
function journalWidthSelect(): HTMLSelectElement {
  const size = document.createElement("select");
  size.setAttribute("aria-label", "Figure width");
  for (const [label, mm] of [["89 mm (single column)", journalWidthsMm.single], ["183 mm (double column)", journalWidthsMm.double]] as const) {
    const option = document.createElement("option");
    option.value = String(mm);
    option.textContent = label;
    size.append(option);
  }
  size.value = String(journalWidthsMm.double);
  return size;
}

/**
 * Download buttons for a figure, at a journal width chosen beside them (89 mm single column, 183 mm double): SVG at
 * its physical size, PNG and PDF at 300 dpi, the figure's data as CSV (rounded, spreadsheet-safe) and the Vega-Lite
 * spec as JSON (to restyle it). Every file carries the provenance the CLI writes (version, scenario hash, seed,
 * patients): SVG <metadata>, PNG tEXt chunks, PDF document information, CSV columns, JSON usermeta. Made in the
 * browser; nothing is sent anywhere.
 */
export function downloadButtons({ name, specAt, csv, provenance = {} }: DownloadSources): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "pnen-downloads";
  const size = journalWidthSelect();
  const width = () => Number(size.value);
  const stem = () => `${name}-${width()}mm`;
  bar.append(
    size,
    button("SVG", "Vector figure at the chosen width", async () => save(new Blob([await physicalSvg(specAt(width()), width(), provenance)], { type: "image/svg+xml" }), `${stem()}.svg`)),
    button("PNG", "300-dpi raster at the chosen width", async () => save(await png(specAt(width()), width(), provenance), `${stem()}.png`)),
    button("PDF", "300-dpi raster PDF at the chosen width", async () => save(await pdf(specAt(width()), width(), provenance), `${stem()}.pdf`)),
  );
  if (csv !== undefined) bar.append(button("CSV", "The figure's data", () => save(new Blob([rowsToCsv(csv, provenance)], { type: "text/csv" }), `${name}.csv`)));
  bar.append(button("JSON", "Vega-Lite spec with its data, to restyle", () => {
    const spec = specAt(width());
    const withProvenance = { ...spec, usermeta: { ...((spec as { usermeta?: object }).usermeta ?? {}), provenance } };
    save(new Blob([JSON.stringify(withProvenance, null, 2)], { type: "application/json" }), `${stem()}.vl.json`);
  }));
  return bar;
}

/**
 * Download buttons for an Observable Plot chart (an `<svg>` or a `<figure>` holding one): the SVG with the provenance
 * in <metadata>, a 300-dpi PNG at the chosen journal width (the SVG scaled, with pHYs and provenance tEXt chunks),
 * and the chart's rows as CSV with the provenance columns. Plot charts are screen charts; for print figures prefer
 * the Vega-Lite ones.
 */
export function plotDownloads(name: string, chart: Element, rows: readonly Readonly<Record<string, unknown>>[], provenance: ChartProvenance = {}): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "pnen-downloads";
  const size = journalWidthSelect();
  const svgText = () => {
    const svg = (chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg"))!.cloneNode(true) as SVGSVGElement;
    svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    const metadata = document.createElementNS("http://www.w3.org/2000/svg", "metadata");
    metadata.textContent = JSON.stringify(provenance);
    svg.prepend(metadata);
    return new XMLSerializer().serializeToString(svg);
  };
  const pngBlob = async (): Promise<Blob> => {
    const svg = (chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg"))!;
    const box = svg.getBoundingClientRect();
    const widthPx = pixelsFromMm(Number(size.value), downloadDotsPerInch);
    const heightPx = Math.round((widthPx * box.height) / box.width);
    const image = new Image();
    image.src = URL.createObjectURL(new Blob([svgText()], { type: "image/svg+xml" }));
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = widthPx;
    canvas.height = heightPx;
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, widthPx, heightPx);
    context.drawImage(image, 0, 0, widthPx, heightPx);
    URL.revokeObjectURL(image.src);
    const bytes = new Uint8Array(await (await canvasBlob(canvas, "image/png")).arrayBuffer());
    return new Blob([setPngMetadata(bytes, downloadDotsPerInch, { Software: "pnen-sim dashboards (Observable Plot)", ...provenance }) as Uint8Array<ArrayBuffer>], { type: "image/png" });
  };
  bar.append(
    size,
    button("SVG", "Vector figure", () => save(new Blob([svgText()], { type: "image/svg+xml" }), `${name}.svg`)),
    button("PNG", "300-dpi raster at the chosen width", async () => save(await pngBlob(), `${name}-${size.value}mm.png`)),
    button("CSV", "The chart's data", () => save(new Blob([rowsToCsv(rows, provenance)], { type: "text/csv" }), `${name}.csv`)),
  );
  return bar;
}
