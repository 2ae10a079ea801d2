import { pixelsPerMetre } from "./journalSize.js";

/**
 * Small PNG chunk surgery on bytes (PNG spec, W3C 2003/2022 §5, §11.3.5.3): read the header and physical
 * density, and set the density (pHYs) and text (tEXt) chunks. resvg writes neither, so a 300-dpi PNG would
 * otherwise open at 72 or 96 dpi in word processors. Pure and browser-safe; O(bytes).
 */
const signature = [137, 80, 78, 71, 13, 10, 26, 10] as const;

export interface PngInfo {
  readonly width: number;
  readonly height: number;
  /** Pixels per metre from pHYs, or null when the file has none. */
  readonly pixelsPerMetreX: number | null;
  readonly pixelsPerMetreY: number | null;
  /** Dots per inch rounded to 0.1, or null. */
  readonly dotsPerInch: number | null;
  /** tEXt chunks, keyword → text. */
  readonly text: Readonly<Record<string, string>>;
}

interface Chunk {
  readonly type: string;
  readonly data: Uint8Array;
}

export function readPngInfo(png: Uint8Array): PngInfo {
  const chunks = splitChunks(png);
  const header = chunks[0];
  if (header === undefined || header.type !== "IHDR") throw new Error("readPngInfo requires a PNG starting with IHDR");
  const view = new DataView(header.data.buffer, header.data.byteOffset, header.data.byteLength);
  const physical = chunks.find((c) => c.type === "pHYs");
  let x: number | null = null;
  let y: number | null = null;
  if (physical !== undefined) {
    const p = new DataView(physical.data.buffer, physical.data.byteOffset, physical.data.byteLength);
    if (p.getUint8(8) === 1) {
      x = p.getUint32(0);
      y = p.getUint32(4);
    }
  }
  const text: Record<string, string> = {};
  const latin1 = new TextDecoder("latin1");
  for (const c of chunks.filter((chunk) => chunk.type === "tEXt")) {
    const zero = c.data.indexOf(0);
    text[latin1.decode(c.data.subarray(0, zero))] = latin1.decode(c.data.subarray(zero + 1));
  }
  return {
    width: view.getUint32(0),
    height: view.getUint32(4),
    pixelsPerMetreX: x,
    pixelsPerMetreY: y,
    dotsPerInch: x === null ? null : Math.round(((x * 0.0254) * 10)) / 10,
    text,
  };
}

/**
 * A copy of the PNG with its pHYs chunk set to `dotsPerInch` (300 dpi = 11811 pixels per metre) and the
 * given tEXt entries (Latin-1; keywords 1–79 characters), inserted after IHDR; existing pHYs and same-keyword
 * tEXt chunks are replaced.
 */
export function setPngMetadata(png: Uint8Array, dotsPerInch: number, text: Readonly<Record<string, string>> = {}): Uint8Array {
  const chunks = splitChunks(png);
  const keywords = new Set(Object.keys(text));
  const latin1Keyword = (c: Chunk) => new TextDecoder("latin1").decode(c.data.subarray(0, c.data.indexOf(0)));
  const kept = chunks.filter((c) => c.type !== "pHYs" && !(c.type === "tEXt" && keywords.has(latin1Keyword(c))));
  const density = new Uint8Array(9);
  const ppm = pixelsPerMetre(dotsPerInch);
  const view = new DataView(density.buffer);
  view.setUint32(0, ppm);
  view.setUint32(4, ppm);
  view.setUint8(8, 1);
  const added: Chunk[] = [{ type: "pHYs", data: density }];
  for (const [keyword, value] of Object.entries(text)) {
    if (keyword.length < 1 || keyword.length > 79) throw new Error(`setPngMetadata: tEXt keyword must have 1–79 characters, got '${keyword}'`);
    added.push({ type: "tEXt", data: latin1Bytes(`${keyword}\u0000${value}`) });
  }
  return joinChunks([kept[0], ...added, ...kept.slice(1)]);
}

function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[i] = code < 256 ? code : 63; // "?" for characters outside Latin-1
  }
  return bytes;
}

function splitChunks(png: Uint8Array): Chunk[] {
  for (let i = 0; i < signature.length; i++) if (png[i] !== signature[i]) throw new Error("PNG signature missing");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    chunks.push({ type, data: png.subarray(offset + 8, offset + 8 + length) });
    offset += 12 + length;
    if (type === "IEND") break;
  }
  return chunks;
}

function joinChunks(chunks: readonly Chunk[]): Uint8Array {
  const total = 8 + chunks.reduce((sum, c) => sum + 12 + c.data.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(signature, 0);
  let offset = 8;
  for (const c of chunks) {
    view.setUint32(offset, c.data.length);
    for (let i = 0; i < 4; i++) out[offset + 4 + i] = c.type.charCodeAt(i);
    out.set(c.data, offset + 8);
    view.setUint32(offset + 8 + c.data.length, pngCrc32(out.subarray(offset + 4, offset + 8 + c.data.length)));
    offset += 12 + c.data.length;
  }
  return out;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, polynomial 0xEDB88320) over a chunk's type and data, as PNG requires. */
export function pngCrc32(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
