import { describe, expect, it } from "vitest";
import { inLevelOrder } from "../../src/io/inLevelOrder.js";

describe("inLevelOrder", () => {
  it("inLevelOrder(coded) orders numeric labels numerically and others as R's factor() in the C locale", () => {
    expect(inLevelOrder({ labels: ["10", "9", "2"], codes: Int32Array.from([0, 1, 2, 0]) })).toEqual({ levels: ["2", "9", "10"], index: Int32Array.from([2, 1, 0, 2]) });
    expect(inLevelOrder({ labels: ["b", "B", "a"], codes: Int32Array.from([0, 1, 2]) })).toEqual({ levels: ["B", "a", "b"], index: Int32Array.from([2, 0, 1]) });
  });
});
