import { describe, expect, it } from "vitest";
import { decodeTypedJson, encodeTypedJson } from "../../src/simulate/typedJson.js";

describe("typedJson", () => {
  it("decodeTypedJson(encodeTypedJson(x)) returns the same bits: typed arrays (−0, NaN, subnormals, odd lengths), NaN and ±Infinity numbers, nesting", () => {
    const times = new Float64Array([0, -0, 5e-324, 1 / 3, Number.MAX_VALUE, NaN]);
    const value = { a: times, b: [{ patients: 3, logHazardRatio: NaN, medianDifference: Infinity, rmst: -Infinity }], c: new Uint8Array([1, 2, 3]), d: "text", e: null, f: new Float64Array(0) };
    const back = decodeTypedJson(encodeTypedJson(value)) as typeof value;
    expect(back.a).toBeInstanceOf(Float64Array);
    expect(new Uint8Array(back.a.buffer)).toEqual(new Uint8Array(times.buffer));
    expect(Object.is(back.a[1], -0)).toBe(true);
    expect(back.b[0]).toEqual({ patients: 3, logHazardRatio: NaN, medianDifference: Infinity, rmst: -Infinity });
    expect(back.c).toEqual(new Uint8Array([1, 2, 3]));
    expect(back.d).toBe("text");
    expect(back.e).toBeNull();
    expect(back.f).toEqual(new Float64Array(0));
  });

  it("decodeTypedJson of a truncated record throws a RangeError", () => {
    const bytes = encodeTypedJson({ a: new Float64Array([1, 2, 3]) });
    expect(() => decodeTypedJson(bytes.subarray(0, bytes.length - 8))).toThrow(RangeError);
    expect(() => decodeTypedJson(bytes.subarray(0, 4))).toThrow(RangeError);
  });
});
