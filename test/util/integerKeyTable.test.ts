import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createIntegerKeyTable, integerKeyGet, integerKeySet } from "../../src/util/integerKeyTable.js";

describe("integerKeyTable", () => {
  it("integerKeyGet(table, key) returns what a Map holds for the same insertions, through several growths", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 600 }), fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 50 }), (keys, probes) => {
        const table = createIntegerKeyTable(4);
        const reference = new Map<number, number>();
        keys.forEach((key, index) => {
          integerKeySet(table, key, index);
          reference.set(key, index);
        });
        expect(table.size).toBe(keys.length);
        for (const key of [...keys, ...probes]) expect(integerKeyGet(table, key)).toBe(reference.get(key) ?? -1);
      }),
      { numRuns: 200 },
    );
  });

  it("createIntegerKeyTable(capacity) keeps the table at most half full and a power of two", () => {
    const table = createIntegerKeyTable(100);
    expect(table.keys.length).toBe(256);
    for (let key = 0; key < 200; key++) integerKeySet(table, key * 7919, key);
    expect(table.keys.length).toBe(512);
    expect(integerKeyGet(table, 199 * 7919)).toBe(199);
    expect(integerKeyGet(table, 1)).toBe(-1);
  });
});
