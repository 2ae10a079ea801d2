import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, scenarioHash, sha256Hex } from "../../src/simulate/scenarioHash.js";

describe("scenarioHash", () => {
  it("sha256Hex(bytes) matches node:crypto for lengths around the block boundaries", () => {
    for (const text of ["", "abc", "a".repeat(55), "a".repeat(56), "a".repeat(64), "é".repeat(1000)]) {
      const bytes = new TextEncoder().encode(text);
      expect(sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });

  it("canonicalJson(value) sorts keys at every level and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: null }], e: "x" })).toBe('{"a":[1,{"c":null,"d":2}],"b":1,"e":"x"}');
  });

  it("scenarioHash(scenario) ignores key order", () => {
    expect(scenarioHash({ a: 1, b: { c: 2, d: 3 } })).toBe(scenarioHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(scenarioHash({ a: 1 })).toBe(`sha256:${createHash("sha256").update('{"a":1}').digest("hex")}`);
  });
});
