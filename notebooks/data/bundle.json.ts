/**
 * Framework data loader (run by `tsx` at build and preview time): the project's data/ folder as one JSON
 * bundle for the dashboards, which cannot read files in the browser.
 *
 *   data/evidence/*.json, data/assumptions/*.json ─► readRegistryFiles ─► registryFiles ─► parseRegistry (browser)
 *   data/scenarios/*.json, data/strategies/*.json ─► {path, content}  ─► scenarios, strategies ─► library parsers (browser)
 *   data/validation/*.json (trial files)          ─► {path, content}  ─► trials (shown on the Validation page)
 *   package.json version                          ─► version (written into every download's provenance)
 *
 * The registry is validated here first with `loadRegistry`, so a broken data file fails the build with the
 * library's own error message instead of producing a broken page.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRegistry, readRegistryFiles } from "../../src/io/loadRegistry.js";

const dataDir = fileURLToPath(new URL("../../data/", import.meta.url));

/** Every `*.json` file of a data/ sub-folder (except JSON Schemas), as `{path, content}` sorted by path. */
function readJsonFolder(folder: string): { path: string; content: unknown }[] {
  const dir = join(dataDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json") && !name.endsWith(".schema.json"))
    .sort()
    .map((name) => ({ path: `${folder}/${name}`, content: JSON.parse(readFileSync(join(dir, name), "utf8")) as unknown }));
}

loadRegistry(dataDir);
const bundle = {
  registryFiles: readRegistryFiles(dataDir),
  scenarios: readJsonFolder("scenarios"),
  strategies: readJsonFolder("strategies"),
  trials: readJsonFolder("validation"),
  version: (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version,
};
process.stdout.write(JSON.stringify(bundle));
