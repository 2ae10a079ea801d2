import { describe, expect, it } from "vitest";
import { maxJsonDepth, parseJsonInput } from "../../src/io/parseJsonInput.js";

describe("parseJsonInput", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("parseJsonInput(bytes, label) reads JSON as JSON.parse does, with or without a UTF-8 byte-order mark", () => {
    const text = '{"a": [1, -0, 1e308, "é"], "b": {"c": null}}';
    expect(parseJsonInput(bytes(text), "f.json")).toEqual(JSON.parse(text));
    expect(parseJsonInput(bytes(`\ufeff${text}`), "f.json")).toEqual(JSON.parse(text));
    expect(parseJsonInput(`\ufeff${text}`, "f.json")).toEqual(JSON.parse(text));
  });

  it("parseJsonInput refuses invalid JSON, bytes that are not UTF-8 and numbers beyond a double, naming the file and path", () => {
    expect(() => parseJsonInput("{", "f.json")).toThrow(/^f\.json: not valid JSON: /);
    expect(() => parseJsonInput(Uint8Array.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]), "f.json")).toThrow("f.json: not valid UTF-8 text (save the file as UTF-8)");
    expect(() => parseJsonInput('{"a": {"b": [0, 1e400]}}', "f.json")).toThrow("f.json: a.b[1]: number out of range");
    expect(() => parseJsonInput("-1e400", "f.json")).toThrow("f.json: the top level: number out of range");
  });

  it(`parseJsonInput refuses nesting deeper than ${maxJsonDepth} levels without recursing (4,500 levels)`, () => {
    const ok = `${"[".repeat(maxJsonDepth)}${"]".repeat(maxJsonDepth)}`;
    expect(() => parseJsonInput(ok, "f.json")).not.toThrow();
    expect(() => parseJsonInput(`[${ok}]`, "f.json")).toThrow(`nested more than ${maxJsonDepth} levels deep`);
    expect(() => parseJsonInput(`{"x":${"[".repeat(4500)}${"]".repeat(4500)}}`, "f.json")).toThrow(/^f\.json: x\[0\]\[0\].*: nested more than 64 levels deep$/);
  });

  it("parseJsonInput refuses inherited property names as keys and a key given twice, naming the path", () => {
    for (const key of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(() => parseJsonInput(`{"a": [{"ok": 1, "${key}": 2}]}`, "f.json")).toThrow(`f.json: a[0].${key}: the key '${key}' is not allowed`);
    }
    expect(() => parseJsonInput('{"a": 1, "b": {"c": 1, "c": 2}}', "f.json")).toThrow("f.json: b.c: the key is given twice in one object");
    // the same key in different objects, and key-like text inside strings, are fine
    expect(parseJsonInput('[{"c": 1}, {"c": "\\"c\\": 2, \\"__proto__\\": 1"}]', "f.json")).toEqual([{ c: 1 }, { c: '"c": 2, "__proto__": 1' }]);
  });
});
