import type { Scenario } from "../engine/cohort/index.js";
import { scenarioHash } from "../engine/simulate/index.js";

/** What every exported file says about where it came from: the keys the CLI writes into its figures and tables. */
export type ChartProvenance = Readonly<Record<string, string>>;

/**
 * The provenance of a dashboard chart, with the same keys as `pnen-sim report` writes into its figures' metadata
 * (version, scenario, scenario hash, seed, patients) plus what the page changed, so an exported figure or table can
 * be traced to the run that made it.
 */
export function chartProvenance(version: string, scenario: Scenario, extra: Readonly<Record<string, string | number>> = {}): ChartProvenance {
  return {
    "pnen-sim version": version,
    scenario: scenario.name,
    "scenario hash": scenarioHash(scenario),
    seed: String(scenario.seed),
    patients: String(scenario.cohort.size),
    source: "pnen-sim dashboards (computed in the browser)",
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])),
  };
}
