import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/io/projectRoot.js";

// The dashboards run the estimators client-side (issue 4, build item 5) and assign pathways client-side: src/analysis
// and src/rules, and every module they import from elsewhere in src/, must use no Node built-in, no arquero and no
// Math.random.
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

function checkFolder(folder: string): number {
  const root = join(projectRoot(), "src", folder);
  const seen = new Set<string>();
  const queue = readdirSync(root).filter((n) => n.endsWith(".ts")).map((n) => join(root, n));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    expect(text, `${file} uses Math.random`).not.toMatch(/Math\.random/);
    for (const specifier of importsOf(text)) {
      expect(specifier.startsWith("node:") || specifier === "arquero" || /^(fs|path|url|os|util|worker_threads)$/.test(specifier), `${file} imports ${specifier}`).toBe(false);
      if (specifier.startsWith(".")) queue.push(join(file, "..", specifier.replace(/\.js$/, ".ts")));
    }
  }
  return seen.size;
}

describe("browser safety", () => {
  it("src/analysis/*.ts and what they import use no node:* module, arquero or Math.random", () => {
    expect(checkFolder("analysis")).toBeGreaterThan(5);
  });
  it("src/rules/*.ts and what they import (src/cohort/parsePatient.ts …) use no node:* module, arquero or Math.random", () => {
    expect(checkFolder("rules")).toBeGreaterThan(5);
  });
});
