/**
 * Decompresses LZ4 frame-format data (the format of Arrow's LZ4_FRAME buffer compression, and of the `lz4`
 * command): frames of blocks, each either stored or an LZ4 block of sequences (a run of literals, then a
 * match copying `length` bytes from `offset` bytes back; https://github.com/lz4/lz4/blob/dev/doc/lz4_Frame_format.md
 * and lz4_Block_format.md). Checksums are skipped, not verified. `size`, when known (Arrow stores the
 * uncompressed length), sizes the output once. Throws a RangeError on malformed input. O(output size).
 */
export function decodeLz4Frame(input: Uint8Array, size?: number): Uint8Array {
  let out = new Uint8Array(size !== undefined && size >= 0 ? size : Math.max(64, input.length * 4));
  let written = 0;
  const ensure = (extra: number) => {
    if (written + extra <= out.length) return;
    const bigger = new Uint8Array(Math.max(out.length * 2, written + extra));
    bigger.set(out.subarray(0, written));
    out = bigger;
  };
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  let p = 0;
  while (p < input.length) {
    const magic = view.getUint32(p, true);
    if (magic >>> 4 === 0x184d2a5) {
      p += 8 + view.getUint32(p + 4, true); // a skippable frame
      continue;
    }
    if (magic !== 0x184d2204) throw new RangeError(`LZ4: not an LZ4 frame (magic ${magic.toString(16)})`);
    const flags = input[p + 4]!;
    if (flags >> 6 !== 1) throw new RangeError("LZ4: unsupported frame version");
    const blockChecksum = (flags & 0x10) !== 0;
    const contentSize = (flags & 0x08) !== 0;
    const contentChecksum = (flags & 0x04) !== 0;
    const dictionary = (flags & 0x01) !== 0;
    p += 6 + (contentSize ? 8 : 0) + (dictionary ? 4 : 0) + 1; // magic, FLG, BD, [size], [dict id], header checksum
    for (;;) {
      if (p + 4 > input.length) throw new RangeError("LZ4: truncated frame");
      const word = view.getUint32(p, true);
      p += 4;
      if (word === 0) break; // end mark
      const length = word & 0x7fffffff;
      if (p + length > input.length) throw new RangeError("LZ4: truncated block");
      if (word & 0x80000000) {
        ensure(length);
        out.set(input.subarray(p, p + length), written);
        written += length;
      } else {
        const end = p + length;
        let q = p;
        while (q < end) {
          const token = input[q++]!;
          let literals = token >> 4;
          if (literals === 15) {
            let b: number;
            do literals += b = input[q++]!;
            while (b === 255);
          }
          ensure(literals);
          out.set(input.subarray(q, q + literals), written);
          written += literals;
          q += literals;
          if (q >= end) break; // the last sequence has literals only
          const offset = input[q]! | (input[q + 1]! << 8);
          q += 2;
          if (offset === 0 || offset > written) throw new RangeError("LZ4: bad match offset");
          let match = (token & 15) + 4;
          if ((token & 15) === 15) {
            let b: number;
            do match += b = input[q++]!;
            while (b === 255);
          }
          ensure(match);
          for (let from = written - offset, k = 0; k < match; k++) out[written++] = out[from + k]!;
        }
      }
      p += length + (blockChecksum ? 4 : 0);
    }
    p += contentChecksum ? 4 : 0;
  }
  return written === out.length ? out : out.slice(0, written);
}
