import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../../src/", import.meta.url));

/** The modules a source file imports, transitively (relative imports resolved; bare specifiers kept as is). */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']/gm)) {
    const specifier = match[1];
    if (specifier.startsWith(".")) importsOf(resolve(dirname(file), specifier.replace(/\.js$/, ".ts")), seen);
    else seen.add(specifier);
  }
  return seen;
}

describe("browser safety of src/validation", () => {
  const files = ["validation"].flatMap((folder) =>
    readdirSync(join(src, folder))
      .filter((name) => name.endsWith(".ts") && !name.endsWith("Node.ts"))
      .map((name) => join(src, folder, name)),
  );

  it("no module outside *Node.ts imports node:*, arquero or a Node-only module, even indirectly", () => {
    const offending: string[] = [];
    for (const file of files) {
      for (const dependency of importsOf(file)) {
        if (dependency.startsWith("node:") || dependency === "arquero" || dependency === "process" || dependency === "buffer" || dependency.endsWith("Node.ts") || dependency.includes(`${join(src, "io")}`)) {
          offending.push(`${file.slice(src.length)} → ${dependency.startsWith(src) ? dependency.slice(src.length) : dependency}`);
        }
      }
    }
    expect(files.length).toBeGreaterThan(8);
    expect(offending).toEqual([]);
  });

  it("no module outside *Node.ts uses Math.random or a Node global (process, Buffer, require, __dirname)", () => {
    const offending: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const name of ["Math.random", "process.", "Buffer.", "require(", "__dirname"]) if (code.includes(name)) offending.push(`${file.slice(src.length)} uses ${name}`);
    }
    expect(offending).toEqual([]);
  });
});
