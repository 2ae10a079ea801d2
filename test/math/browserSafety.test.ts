import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const folder = fileURLToPath(new URL("../../src/math", import.meta.url));

describe("src/math", () => {
  it("imports no node:* module and nothing outside src/math", () => {
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts"))) {
      const text = readFileSync(`${folder}/${file}`, "utf8");
      expect(text, file).not.toMatch(/from\s+["']node:|import\(["']node:/);
      for (const [, path] of text.matchAll(/from\s+["']([^"']+)["']/g)) expect(path, file).toMatch(/^\.\/[A-Za-z]+\.js$/);
    }
  });
});
