import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { EvidenceRegistry } from "../evidence/EvidenceRegistry.js";
import type { RegistryFile } from "../evidence/RegistryFile.js";
import { parseRegistry } from "../evidence/parseRegistry.js";
import { InputError } from "../util/InputError.js";
import { dataDir } from "./projectRoot.js";

const cache = new Map<string, EvidenceRegistry>();

/**
 * Reads data/evidence/*.json and data/assumptions/*.json under `dir` (default: the package's data/ folder) as
 * {@link RegistryFile}s with paths relative to `dir` ("evidence/figures.json"), sorted by path. A file that is not
 * valid JSON is an InputError naming it. Node only; a dashboard can bundle the result as JSON.
 */
export function readRegistryFiles(dir: string = dataDir()): RegistryFile[] {
  const files: RegistryFile[] = [];
  const problems: string[] = [];
  for (const folder of ["evidence", "assumptions"]) {
    const path = join(dir, folder);
    if (!existsSync(path)) continue;
    for (const name of readdirSync(path).filter((n) => n.endsWith(".json")).sort()) {
      const text = readFileSync(join(path, name), "utf8");
      try {
        files.push({ path: `${folder}/${name}`, content: JSON.parse(text) as unknown });
      } catch (error) {
        problems.push(`${folder}/${name}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (problems.length > 0) throw new InputError(`evidence registry: ${problems.length} unreadable file${problems.length === 1 ? "" : "s"} in ${dir}`, problems);
  return files;
}

/**
 * Loads and validates the evidence registry from `dir` (default: the package's data/ folder), once per folder:
 * later calls with the same folder return the same frozen registry. Node only.
 */
export function loadRegistry(dir: string = dataDir()): EvidenceRegistry {
  const cached = cache.get(dir);
  if (cached !== undefined) return cached;
  const registry = parseRegistry(readRegistryFiles(dir));
  cache.set(dir, registry);
  return registry;
}
