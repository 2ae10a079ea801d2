import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countAtOrBelow, countBelow } from "../../src/util/sortedSearch.js";

describe("sortedSearch", () => {
  it("countAtOrBelow(sorted, v) and countBelow(sorted, v) equal a linear count, ties included", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }), fc.integer({ min: -1, max: 21 }), (values, v) => {
        const sorted = Float64Array.from(values).sort();
        expect(countAtOrBelow(sorted, v)).toBe(values.filter((x) => x <= v).length);
        expect(countBelow(sorted, v)).toBe(values.filter((x) => x < v).length);
      }),
    );
  });

  it("countAtOrBelow([1, 2, 2, 5], t) at the boundaries", () => {
    const times = [1, 2, 2, 5];
    expect([0, 1, 2, 4.9, 5, 6].map((t) => countAtOrBelow(times, t))).toEqual([0, 1, 3, 3, 4, 4]);
    expect([0, 1, 2, 5, 6].map((t) => countBelow(times, t))).toEqual([0, 0, 1, 3, 4]);
  });
});
