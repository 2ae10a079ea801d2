import { parseScenario, type Scenario } from "../engine/cohort/index.js";
import { parseRegistry, type EvidenceRegistry } from "../engine/evidence/index.js";
import { parseStrategy, ruleThresholds, type RuleThresholds, type Strategy } from "../engine/rules/index.js";

/** The JSON bundle written by data/bundle.json.ts: the project's data/ files as `{path, content}`. */
export interface DataBundle {
  readonly registryFiles: readonly { readonly path: string; readonly content: unknown }[];
  readonly scenarios: readonly { readonly path: string; readonly content: unknown }[];
  readonly strategies: readonly { readonly path: string; readonly content: unknown }[];
  /** The trial files of data/validation/ (checked by the Validation page's loader with the library's parser). */
  readonly trials?: readonly { readonly path: string; readonly content: unknown }[];
  /** The package version, for the provenance of downloads. */
  readonly version?: string;
}

/** The bundle parsed by the library's own (browser-safe) parsers. */
export interface Project {
  readonly registry: EvidenceRegistry;
  readonly thresholds: RuleThresholds;
  /** Every strategy of data/strategies/, the review's own first. */
  readonly strategies: readonly Strategy[];
  /** Every scenario of data/scenarios/, validated; `default` first. */
  readonly scenarios: readonly Scenario[];
  /** pnen-sim version that built the bundle. */
  readonly version: string;
  /** The trial files of data/validation/, as `{path, content}`. */
  readonly trialFiles: readonly { readonly path: string; readonly content: unknown }[];
  /** Names in words by strategy id ("conversion-first" → "Conversion therapy first"). */
  readonly strategyNames: ReadonlyMap<string, string>;
}

/** Parses the data bundle with parseRegistry, ruleThresholds, parseStrategy and parseScenario. Throws their InputErrors. */
export function parseBundle(bundle: DataBundle): Project {
  const registry = parseRegistry(bundle.registryFiles);
  const thresholds = ruleThresholds([...registry.thresholds, ...registry.assumptions]);
  const strategies = bundle.strategies
    .map((file) => parseStrategy(file.content, `data/${file.path}`))
    .sort((a, b) => (a.id === "review" ? -1 : b.id === "review" ? 1 : a.name.localeCompare(b.name)));
  const known = strategies.map((s) => s.id);
  const scenarios = bundle.scenarios
    .map((file) => parseScenario(file.content, `data/${file.path}`, known))
    .sort((a, b) => (a.name === "default" ? -1 : b.name === "default" ? 1 : a.name.localeCompare(b.name)));
  return { registry, thresholds, strategies, scenarios, version: bundle.version ?? "unknown", trialFiles: bundle.trials ?? [], strategyNames: new Map(strategies.map((s) => [s.id, s.name])) };
}
