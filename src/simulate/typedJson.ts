/** Typed arrays {@link encodeTypedJson} stores as raw bytes. */
const typedArrays = { Float64Array, Float32Array, Int32Array, Uint32Array, Uint16Array, Uint8Array } as const;
type TypedArrayName = keyof typeof typedArrays;

const padded = (bytes: number) => Math.ceil(bytes / 8) * 8;

/**
 * Plain data with typed arrays and non-finite numbers (a run's summary tables: src/simulate summaryTables) as one
 * self-describing byte record, exactly: [JSON length as a little-endian u32, 4 zero bytes][the JSON, padded to 8
 * bytes][each typed array's raw bytes, padded to 8]. In the JSON a typed array is `{"$typed": name, "at": byte
 * offset after the JSON, "length": n}` and NaN or ±Infinity is `{"$number": "NaN"}`; everything else is itself.
 * No number is converted to text and back, so {@link decodeTypedJson} returns the same bits. O(size).
 */
export function encodeTypedJson(value: unknown): Uint8Array {
  const payloads: Uint8Array[] = [];
  let at = 0;
  const json = JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    const name = (Object.keys(typedArrays) as TypedArrayName[]).find((key) => raw instanceof typedArrays[key]);
    if (name !== undefined) {
      const typed = raw as Float64Array;
      const bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
      payloads.push(bytes);
      const entry = { $typed: name, at, length: typed.length };
      at += padded(bytes.length);
      return entry;
    }
    if (typeof v === "number" && !Number.isFinite(v)) return { $number: String(v) };
    return v;
  });
  const text = new TextEncoder().encode(json);
  const head = 8 + padded(text.length);
  const out = new Uint8Array(head + at);
  new DataView(out.buffer).setUint32(0, text.length, true);
  out.set(text, 8);
  let offset = head;
  for (const p of payloads) {
    out.set(p, offset);
    offset += padded(p.length);
  }
  return out;
}

/** Reads a record written by {@link encodeTypedJson}; typed arrays are fresh copies. Throws a RangeError on a malformed record. */
export function decodeTypedJson(bytes: Uint8Array): unknown {
  if (bytes.length < 8) throw new RangeError("decodeTypedJson: record shorter than its header");
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  const head = 8 + padded(length);
  if (head > bytes.length) throw new RangeError("decodeTypedJson: JSON runs past the record");
  return JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)), (_key, v: unknown) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const o = v as { $typed?: string; at?: number; length?: number; $number?: string };
      if (typeof o.$number === "string") return Number(o.$number);
      if (typeof o.$typed === "string") {
        const Type = typedArrays[o.$typed as TypedArrayName];
        if (Type === undefined) throw new RangeError(`decodeTypedJson: unknown typed array ${o.$typed}`);
        const start = head + o.at!;
        const end = start + o.length! * Type.BYTES_PER_ELEMENT;
        if (end > bytes.length) throw new RangeError("decodeTypedJson: typed array runs past the record");
        const copy = new Uint8Array(end - start);
        copy.set(bytes.subarray(start, end));
        return new Type(copy.buffer);
      }
    }
    return v;
  });
}
