import { deflateSync, inflateSync } from "node:zlib";
import { pointsFromMm } from "./journalSize.js";

/**
 * A one-page PDF holding a PNG as a raster image at its physical size (Node only: node:zlib). Vega's own PDF
 * route needs node-canvas, and a vector PDF from SVG needs a package (svg2pdf.js + jsPDF, pdfkit +
 * svg-to-pdfkit) or a browser; this gives journals and LaTeX a PDF of the 300-dpi figure without either.
 * Prefer the SVG where vectors matter.
 *
 *   PNG ─ inflate IDAT ─ undo the scanline filters (PNG spec §9) ─ composite alpha over white ─ RGB
 *       ─ deflate ─ PDF 1.4: catalog, page (MediaBox = width × height in points), image XObject, info
 *
 * Byte-stable: no dates, fixed object order. Supports 8-bit RGB and RGBA, non-interlaced (what resvg writes).
 * O(pixels).
 */
export function rasterPdf(png: Uint8Array, widthMm: number, info: Readonly<Record<string, string>> = {}): Uint8Array {
  const { width, height, rgb } = decodePngRgb(png);
  const pageWidth = round(pointsFromMm(widthMm));
  const pageHeight = round((pointsFromMm(widthMm) * height) / width);
  const image = deflateSync(rgb, { level: 6 });
  const content = Buffer.from(`q ${pageWidth} 0 0 ${pageHeight} 0 0 cm /Im0 Do Q\n`, "latin1");
  const infoEntries = Object.entries({ Producer: "pnen-sim (vega, resvg)", ...info })
    .map(([key, value]) => `/${key.replace(/[^A-Za-z0-9]/g, "")} (${pdfString(value)})`)
    .join(" ");
  const objects: (string | Buffer)[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>`,
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, "latin1"), content, Buffer.from("\nendstream", "latin1")]),
    Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`, "latin1"),
      image,
      Buffer.from("\nendstream", "latin1"),
    ]),
    `<< ${infoEntries} >>`,
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), typeof body === "string" ? Buffer.from(body, "latin1") : body, Buffer.from("\nendobj\n", "latin1")]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${length}\n%%EOF\n`, "latin1"));
  return new Uint8Array(Buffer.concat(parts));
}

/** Decodes an 8-bit RGB or RGBA non-interlaced PNG to RGB bytes, alpha composited over white. */
export function decodePngRgb(png: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  for (let offset = 8; offset + 12 <= png.length; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const bitDepth = data[8];
      const colourType = data[9];
      const interlace = data[12];
      if (bitDepth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0) throw new Error(`rasterPdf supports 8-bit RGB/RGBA non-interlaced PNG, got bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
      channels = colourType === 6 ? 4 : 3;
    }
    if (type === "IDAT") idat.push(data);
    if (type === "IEND") break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const previous = y === 0 ? null : pixels.subarray((y - 1) * stride, y * stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = previous === null ? 0 : previous[x];
      const c = previous === null || x < channels ? 0 : previous[x - channels];
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >>> 1;
      else if (filter === 4) predictor = paeth(a, b, c);
      else if (filter !== 0) throw new Error(`rasterPdf: unknown PNG filter ${filter} on row ${y}`);
      out[x] = (line[x] + predictor) & 0xff;
    }
  }
  if (channels === 3) return { width, height, rgb: pixels };
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < pixels.length; i += 4, j += 3) {
    const alpha = pixels[i + 3];
    for (let k = 0; k < 3; k++) rgb[j + k] = Math.round((pixels[i + k] * alpha + 255 * (255 - alpha)) / 255);
  }
  return { width, height, rgb };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A PDF literal string body: backslash, parentheses escaped; characters outside Latin-1 become "?". */
function pdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e\xa0-\xff]/g, "?");
}
