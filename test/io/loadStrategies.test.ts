import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadRuleThresholds, loadStrategies, loadStrategy } from "../../src/io/loadStrategies.js";

const dir = mkdtempSync(join(tmpdir(), "pnen-strategies-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadStrategies(dir)", () => {
  it("loadStrategies() reads data/strategies: review first, then the alternatives the issue asks for", () => {
    const ids = loadStrategies().map((s) => s.id);
    expect(ids[0]).toBe("review");
    for (const id of ["upfront-surgery", "conversion-first", "captem-first", "everolimus-first", "sunitinib-first", "surufatinib-first", "prrt-first", "no-liver-directed"]) expect(ids).toContain(id);
  });
  it("loadStrategies(dir) names the file and field of an invalid strategy and a file whose id is not its name", () => {
    writeFileSync(join(dir, "a.json"), JSON.stringify({ id: "a", name: "A", description: "d", choices: { liverDirectedTherapy: "no" } }));
    writeFileSync(join(dir, "b.json"), JSON.stringify({ id: "c", name: "B", description: "d", choices: {} }));
    writeFileSync(join(dir, "d.json"), "{ not json");
    expect(() => loadStrategies(dir)).toThrow(/strategies\/a\.json: choices\.liverDirectedTherapy: expected true or false, got "no"[\s\S]*strategies\/b\.json: id: expected "b" \(the file's name\), got "c"[\s\S]*strategies\/d\.json: not valid JSON/);
  });
  it("loadStrategy(id) finds a strategy or lists the known ids", () => {
    expect(loadStrategy("prrt-first").choices.firstSystemicLine).toBe("prrt");
    expect(() => loadStrategy("nope")).toThrow(/unknown strategy 'nope' \(known: review, /);
  });
  it("loadRuleThresholds() reads the thresholds through the evidence registry", () => {
    expect(loadRuleThresholds().debulkingCytoreductionMin).toBe(70);
  });
});
