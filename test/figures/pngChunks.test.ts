import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pngCrc32, readPngInfo, setPngMetadata } from "../../src/figures/pngChunks.js";

/** A valid 1×1 RGBA PNG (white), written by hand. */
function tinyPng(): Uint8Array {
  return Uint8Array.from(
    Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8ffffff7f0009fb03fd2a86e38a0000000049454e44ae426082", "hex"),
  );
}

describe("setPngMetadata(png, dotsPerInch, text)", () => {
  it("setPngMetadata(png, 300) writes pHYs = 11811 pixels per metre, read back as 300 dpi", () => {
    const out = setPngMetadata(tinyPng(), 300, { Source: "pnen-sim 0.1.0", seed: "42" });
    const info = readPngInfo(out);
    expect(info).toMatchObject({ width: 1, height: 1, pixelsPerMetreX: 11811, pixelsPerMetreY: 11811, dotsPerInch: 300 });
    expect(info.text).toEqual({ Source: "pnen-sim 0.1.0", seed: "42" });
  });

  it("setPngMetadata(png) replaces an existing pHYs instead of adding a second", () => {
    const twice = setPngMetadata(setPngMetadata(tinyPng(), 72), 300);
    expect(Buffer.from(twice).toString("latin1").split("pHYs")).toHaveLength(2);
    expect(readPngInfo(twice).dotsPerInch).toBe(300);
  });

  it("readPngInfo(png) reports no density when the file has none", () => {
    expect(readPngInfo(tinyPng())).toMatchObject({ pixelsPerMetreX: null, dotsPerInch: null });
  });
});

describe("pngCrc32(bytes)", () => {
  it("pngCrc32(bytes) equals zlib's CRC-32", () => {
    const bytes = Uint8Array.from(Buffer.from("IHDR and some bytes \u00ff", "latin1"));
    expect(pngCrc32(bytes)).toBe(zlibCrc32(bytes));
  });
});
