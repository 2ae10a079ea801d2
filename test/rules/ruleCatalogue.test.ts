import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/io/loadRegistry.js";
import { explainPathway, isRuleId, ruleCatalogue, ruleDefinitions as rules } from "../../src/rules/index.js";
import { strategies, thresholds } from "./fixtures.js";
import { patientArbitrary } from "./patientArbitrary.js";

describe("ruleCatalogue", () => {
  it("ruleCatalogue: every rule names a section of the review and reference numbers that exist in references.json", () => {
    const numbers = new Set(loadRegistry().references.map((r) => r.number));
    for (const rule of rules) {
      expect(rule.section).toMatch(/^(intro|[1-4](\.[1-5])?)$/);
      expect(rule.refs.length).toBeGreaterThan(0);
      for (const ref of rule.refs) expect(numbers.has(ref)).toBe(true);
      expect(ruleCatalogue[rule.id as keyof typeof ruleCatalogue]).toBe(rule);
      expect(isRuleId(rule.id)).toBe(true);
    }
    expect(isRuleId("surgery.made.up")).toBe(false);
  });

  it("ruleCatalogue: every rule fires for some patient under some strategy (no dead rules)", () => {
    const seen = new Set<string>();
    const sample = fc.sample(fc.tuple(patientArbitrary, fc.constantFrom(...strategies)), { numRuns: 20_000, seed: 7 });
    for (const [p, s] of sample) for (const entry of explainPathway(p, s, thresholds).trace) if (entry.fired) seen.add(entry.rule);
    expect(rules.map((r) => r.id).filter((id) => !seen.has(id))).toEqual([]);
  });

  it("src/rules is browser-safe: no node:* or arquero imports, no Math.random", () => {
    const folder = fileURLToPath(new URL("../../src/rules/", import.meta.url));
    for (const file of readdirSync(folder)) {
      const text = readFileSync(`${folder}${file}`, "utf8");
      expect(text, file).not.toMatch(/from "node:|from "arquero"|Math\.random/);
    }
  });
});
