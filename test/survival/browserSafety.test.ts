import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const folders = ["../../src/random", "../../src/survival"].map((f) => fileURLToPath(new URL(f, import.meta.url)));

describe("src/random and src/survival", () => {
  it.each(folders)("%s imports no node:* module, no arquero and never calls Math.random", (folder) => {
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts"))) {
      const text = readFileSync(`${folder}/${file}`, "utf8");
      expect(text, file).not.toMatch(/from\s+["']node:|import\(["']node:|from\s+["']arquero/);
      expect(text, file).not.toMatch(/Math\.random\s*\(/);
    }
  });
});
