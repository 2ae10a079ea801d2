import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseStrategy } from "../rules/parseStrategy.js";
import { ruleThresholds, type RuleThresholds } from "../rules/RuleThresholds.js";
import type { Strategy } from "../rules/Strategy.js";
import { InputError } from "../util/InputError.js";
import { parseJsonInput } from "./parseJsonInput.js";
import { loadRegistry } from "./loadRegistry.js";
import { dataDir } from "./projectRoot.js";

/**
 * Reads and validates every data/strategies/*.json (default folder: the package's), sorted by id with
 * `review` first. A file whose `id` differs from its name, invalid JSON or an invalid strategy is an
 * InputError naming the file and the field; all files' problems are reported together. Node only.
 */
export function loadStrategies(dir: string = join(dataDir(), "strategies")): Strategy[] {
  if (!existsSync(dir)) throw new InputError(`strategies: folder ${dir} not found`);
  const strategies: Strategy[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const label = `strategies/${name}`;
    let json: unknown;
    try {
      json = parseJsonInput(readFileSync(join(dir, name)), label);
    } catch (error) {
      problems.push(error instanceof InputError ? error.message : `${label}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    try {
      const strategy = parseStrategy(json, label);
      const expected = name.replace(/\.json$/, "");
      if (strategy.id !== expected) problems.push(`${label}: id: expected "${expected}" (the file's name), got "${strategy.id}"`);
      else strategies.push(strategy);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...(error.problems.length > 0 ? error.problems : [error.message]));
    }
  }
  if (problems.length > 0) throw new InputError(`strategies: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${dir}`, problems);
  return strategies.sort((a, b) => (a.id === "review" ? -1 : b.id === "review" ? 1 : a.id.localeCompare(b.id)));
}

/** The strategy with this id from {@link loadStrategies}, or an InputError listing the known ids. */
export function loadStrategy(id: string, dir?: string): Strategy {
  const strategies = loadStrategies(dir);
  const found = strategies.find((s) => s.id === id);
  if (found === undefined) throw new InputError(`unknown strategy '${id}' (known: ${strategies.map((s) => s.id).join(", ")}; see 'pnen-sim strategies')`);
  return found;
}

/**
 * The rules' thresholds from the evidence registry (data/evidence/thresholds.json and data/assumptions/*.json).
 * Node only; a browser build can call `ruleThresholds` on the same records bundled as JSON.
 */
export function loadRuleThresholds(dir?: string): RuleThresholds {
  const registry = loadRegistry(dir);
  return ruleThresholds([...registry.thresholds, ...registry.assumptions]);
}
