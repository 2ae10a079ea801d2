import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { parseScenario } from "../cohort/parseScenario.js";
import type { Scenario } from "../cohort/Scenario.js";
import { dataDir } from "../io/projectRoot.js";
import { InputError } from "../util/InputError.js";
import { parseJsonInput } from "../io/parseJsonInput.js";

/** Where a `--scenario NAME|FILE` argument points: a file path (has a slash or ends in .json) or a name in data/scenarios/. */
export function scenarioPath(nameOrFile: string, cwd: string): string {
  if (nameOrFile.endsWith(".json") || nameOrFile.includes("/") || nameOrFile.includes("\\")) return isAbsolute(nameOrFile) ? nameOrFile : resolve(cwd, nameOrFile);
  return join(dataDir(), "scenarios", `${nameOrFile}.json`);
}

/**
 * Reads and validates a scenario by name (data/scenarios/NAME.json) or file. Returns the scenario and the
 * file's text (hashed into the manifest). A missing file, invalid JSON or an invalid scenario is an
 * InputError naming the file; an invalid scenario lists one problem per field. `knownStrategies` and
 * `knownSourceIds` (the registry's figure and assumption ids) enable the cross-checks of `parseScenario`. Node only.
 */
export function loadScenarioNode(nameOrFile: string, cwd: string, knownStrategies?: readonly string[], knownSourceIds?: readonly string[]): { scenario: Scenario; path: string; text: string } {
  const path = scenarioPath(nameOrFile, cwd);
  if (!existsSync(path)) {
    const folder = join(dataDir(), "scenarios");
    const known = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).map((f) => f.slice(0, -5)) : [];
    throw new InputError(`scenario '${nameOrFile}': file ${path} not found (built-in scenarios: ${known.join(", ") || "none"}; or give a path to a JSON file)`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(`scenario '${nameOrFile}': cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const text = bytes.toString("utf8");
  const document = parseJsonInput(bytes, path);
  return { scenario: parseScenario(document, path, knownStrategies, knownSourceIds), path, text };
}
