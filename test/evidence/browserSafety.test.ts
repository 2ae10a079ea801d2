import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/io/projectRoot.js";

// The dashboards import src/evidence in the browser: nothing in it may pull in Node built-ins or arquero,
// directly or through the modules it imports from elsewhere in src/.
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']/g)].map((m) => m[1]);
}

describe("src/evidence (browser-safe)", () => {
  it("src/evidence/*.ts and what they import import nothing from node:* or arquero", () => {
    const seen = new Set<string>();
    const queue = readdirSync(join(projectRoot(), "src", "evidence")).filter((n) => n.endsWith(".ts")).map((n) => join(projectRoot(), "src", "evidence", n));
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of importsOf(file)) {
        expect(specifier.startsWith("node:") || specifier === "arquero" || /^(fs|path|url|os|util)$/.test(specifier), `${file} imports ${specifier}`).toBe(false);
        if (specifier.startsWith(".")) queue.push(join(file, "..", specifier.replace(/\.js$/, ".ts")));
      }
    }
    expect(seen.size).toBeGreaterThan(5);
  });
});
