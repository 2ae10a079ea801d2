import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as trials from "../../src/trials/index.js";

/** Every module reachable from `entry` through relative imports, with its bare (package or node:) imports. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/(?:import|export)\s[^"';]*?from\s+"([^"]+)"/g)].map((m) => m[1]);
    seen.set(file, specifiers.filter((s) => !s.startsWith(".")));
    for (const s of specifiers.filter((s) => s.startsWith("."))) visit(resolve(dirname(file), s.replace(/\.js$/, ".ts")));
  };
  visit(entry);
  return seen;
}

describe("src/trials/index.ts", () => {
  it("src/trials/index.ts is browser-safe: no module it reaches imports node:* or a *Node.ts file", () => {
    const modules = reachable(fileURLToPath(new URL("../../src/trials/index.ts", import.meta.url)));
    expect(modules.size).toBeGreaterThan(20);
    for (const [file, bare] of modules) {
      expect(file).not.toMatch(/Node\.ts$/);
      expect(bare.filter((s) => s.startsWith("node:"))).toEqual([]);
    }
  });
  it("src/trials/index.ts exports the planner's entry points", () => {
    for (const name of ["parseTrialDesign", "twoArmDesign", "simulatePower", "findSampleSize", "powerCurve", "schoenfeldEvents", "freedmanEvents", "analyticPower", "empiricalArmSpec"]) expect(typeof (trials as Record<string, unknown>)[name]).toBe("function");
  });
});
