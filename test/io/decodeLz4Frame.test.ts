import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { decodeLz4Frame } from "../../src/io/decodeLz4Frame.js";
import { randomSource } from "../../src/random/randomSource.js";

// The reference is the `lz4` command of the LZ4 project (Debian package lz4; .ci/run installs it if absent):
// whatever it compresses, decodeLz4Frame must give back byte for byte.

function lz4(data: Uint8Array, flags: string[]): Uint8Array {
  const child = spawnSync("lz4", ["-c", "-q", ...flags], { input: data, maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`lz4 failed: ${child.stderr}`);
  return new Uint8Array(child.stdout);
}

function sample(size: number): Uint8Array {
  const random = randomSource(14);
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    // runs, repeats at short and long distances, and noise: every kind of LZ4 sequence
    const r = random();
    data[i] = r < 0.3 ? 65 : r < 0.6 && i > 300 ? data[i - 300]! : r < 0.7 && i > 1 ? data[i - 1]! : Math.floor(random() * 256);
  }
  return data;
}

describe("decodeLz4Frame", () => {
  const data = sample(300_000);
  for (const [what, flags] of [
    ["default frame", []],
    ["64 KiB independent blocks with block and content checksums", ["-B4", "-BX", "--content-size"]],
    ["linked blocks", ["-B4", "-BD"]],
    ["highest compression", ["-12"]],
    ["stored (incompressible) blocks", ["--fast=1"]],
  ] as const) {
    it(`decodeLz4Frame(lz4 ${flags.join(" ") || "-c"}) gives the original bytes (${what})`, () => {
      expect(Buffer.from(decodeLz4Frame(lz4(data, [...flags]))).equals(Buffer.from(data))).toBe(true);
      expect(Buffer.from(decodeLz4Frame(lz4(data, [...flags]), data.length)).equals(Buffer.from(data))).toBe(true);
    });
  }

  it("decodeLz4Frame decodes random bytes, empty input and overlapping matches like the lz4 command", () => {
    const random = randomSource(7);
    const noise = Uint8Array.from({ length: 5_000 }, () => Math.floor(random() * 256));
    expect(Buffer.from(decodeLz4Frame(lz4(noise, []))).equals(Buffer.from(noise))).toBe(true);
    expect(decodeLz4Frame(lz4(new Uint8Array(0), []))).toEqual(new Uint8Array(0));
    const run = new Uint8Array(100_000).fill(7);
    expect(Buffer.from(decodeLz4Frame(lz4(run, []))).equals(Buffer.from(run))).toBe(true);
  });

  it("decodeLz4Frame rejects data that is not an LZ4 frame, and a truncated frame", () => {
    expect(() => decodeLz4Frame(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8))).toThrow("LZ4: not an LZ4 frame");
    const frame = lz4(sample(10_000), []);
    expect(() => decodeLz4Frame(frame.subarray(0, frame.length - 20))).toThrow(/LZ4: (truncated|bad)/);
  });
});
