import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadRegistry, readRegistryFiles } from "../../src/io/loadRegistry.js";
import { dataDir } from "../../src/io/projectRoot.js";
import { InputError } from "../../src/util/InputError.js";

describe("readRegistryFiles(dir) on a bad folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "pnen-registry-io-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("loadRegistry(dir) rejects a folder that does not exist instead of returning an empty registry", () => {
    const missing = join(dir, "no-such-folder");
    expect(() => loadRegistry(missing)).toThrow(InputError);
    expect(() => loadRegistry(missing)).toThrow(`evidence registry: no folder ${join(missing, "evidence")}`);
  });

  it("readRegistryFiles(dir) rejects an evidence/ folder without JSON files", () => {
    mkdirSync(join(dir, "empty", "evidence"), { recursive: true });
    expect(() => readRegistryFiles(join(dir, "empty"))).toThrow("evidence: no *.json files");
  });

  it("readRegistryFiles(dir) names a *.json entry that cannot be read (a folder) as an InputError, not an EISDIR crash", () => {
    cpSync(join(dataDir(), "evidence"), join(dir, "folder", "evidence"), { recursive: true });
    mkdirSync(join(dir, "folder", "assumptions", "odd.json"), { recursive: true });
    expect(() => readRegistryFiles(join(dir, "folder"))).toThrow(InputError);
    expect(() => readRegistryFiles(join(dir, "folder"))).toThrow("assumptions/odd.json: cannot read the file (a folder, not a file)");
  });
});
