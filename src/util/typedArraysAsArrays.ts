/**
 * A `JSON.stringify` replacer that writes typed arrays (Float64Array, Int32Array, …) as JSON arrays instead
 * of `{"0": …, "1": …}` objects: `JSON.stringify(simulate(…).outcomes, typedArraysAsArrays)`. NaN and
 * ±Infinity become null, as JSON.stringify writes them in plain arrays; 64-bit integers become numbers.
 * O(size of the arrays).
 */
export function typedArraysAsArrays(this: unknown, _key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>, (v) => (typeof v === "bigint" ? Number(v) : v));
  }
  return value;
}

/**
 * Gives a result object a `toJSON` (not enumerable, so spreading, equality and structured cloning ignore
 * it) that writes its typed-array fields as arrays: `JSON.stringify(kaplanMeier(…))` then gives
 * `{"time": [1, 2, …], …}`. Returns the same object.
 */
export function withArrayJson<T extends object>(result: T): T {
  Object.defineProperty(result, "toJSON", {
    value(this: Record<string, unknown>) {
      return Object.fromEntries(Object.entries(this).map(([key, value]) => [key, typedArraysAsArrays(key, value)]));
    },
    enumerable: false,
  });
  return result;
}
