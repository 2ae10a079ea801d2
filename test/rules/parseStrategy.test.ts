import { describe, expect, it } from "vitest";
import { choiceDefinitions, defaultChoices, parseStrategy } from "../../src/rules/index.js";
import { InputError } from "../../src/util/InputError.js";

const valid = { id: "my-strategy", name: "Mine", description: "One line", choices: { prrtOrder: "before-targeted", transplant: false } };

describe("parseStrategy(json, file)", () => {
  it("parseStrategy(json, file) merges the overrides over the defaults and keeps the overrides", () => {
    const s = parseStrategy(valid, "x.json");
    expect(s.choices).toEqual({ ...defaultChoices, prrtOrder: "before-targeted", transplant: false });
    expect(s.overrides).toEqual({ prrtOrder: "before-targeted", transplant: false });
    expect(Object.isFrozen(s) && Object.isFrozen(s.choices)).toBe(true);
  });
  it("parseStrategy(json, file) with empty choices is the review's defaults", () => {
    expect(parseStrategy({ ...valid, choices: {} }, "x.json").choices).toEqual(defaultChoices);
  });
  it("parseStrategy(json, file) rejects an unknown choice name, naming the file and the field", () => {
    expect(() => parseStrategy({ ...valid, choices: { firstLine: "captem" } }, "data/strategies/x.json")).toThrow(/^data\/strategies\/x\.json: choices\.firstLine: unknown choice; expected one of firstSystemicLine/);
  });
  it("parseStrategy(json, file) rejects a bad choice value, listing the allowed values", () => {
    expect(() => parseStrategy({ ...valid, choices: { prrtOrder: "first" } }, "x.json")).toThrow('x.json: choices.prrtOrder: expected one of "after-targeted", "before-targeted", got "first"');
    expect(() => parseStrategy({ ...valid, choices: { transplant: "no" } }, "x.json")).toThrow('x.json: choices.transplant: expected true or false, got "no"');
  });
  it("parseStrategy(json, file) reports every problem at once: bad id, missing name, unknown field, multi-line description", () => {
    try {
      parseStrategy({ id: "Bad Id", description: "a\nb", choices: [], extra: 1 }, "x.json");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const problems = (error as InputError).problems.join("\n");
      expect(problems).toContain("x.json: extra: unknown field");
      expect(problems).toContain("x.json: id: expected lower-case words joined by hyphens");
      expect(problems).toContain("x.json: name: required, missing (Name in a few words)");
      expect(problems).toContain("x.json: description: expected one line");
      expect(problems).toContain("x.json: choices: expected an object of named choices");
    }
  });
  it("parseStrategy(json, file) rejects a blank name and a __proto__ key, and suggests a near-miss choice name", () => {
    expect(() => parseStrategy({ ...valid, name: "  " }, "x.json")).toThrow('x.json: name: expected a non-empty string, got "  "');
    expect(() => parseStrategy(JSON.parse('{"id": "a", "name": "A", "description": "d", "choices": {"__proto__": {"transplant": false}}}'), "x.json")).toThrow("x.json: choices.__proto__: key not allowed");
    expect(() => parseStrategy({ ...valid, choices: { prrtorder: "before-targeted" } }, "x.json")).toThrow("x.json: choices.prrtorder: unknown choice; did you mean 'prrtOrder'?");
  });
  it("parseStrategy(json, file) rejects a non-object", () => {
    expect(() => parseStrategy([1], "x.json")).toThrow("x.json: expected a JSON object");
  });
  it("choiceDefinitions: every default is one of its values and every choice has a section and refs", () => {
    for (const c of choiceDefinitions) {
      expect(c.values).toContain(c.default);
      expect(c.refs.length).toBeGreaterThan(0);
      expect(c.description.length).toBeGreaterThan(20);
    }
  });
});

describe("data/strategies/README.md", () => {
  it("data/strategies/README.md lists every named choice with its default", async () => {
    const { readFileSync } = await import("node:fs");
    const { dataDir } = await import("../../src/io/projectRoot.js");
    const text = readFileSync(`${dataDir()}strategies/README.md`, "utf8");
    for (const c of choiceDefinitions) expect(text).toContain(`| \`${c.name}\` |`);
  });
});
