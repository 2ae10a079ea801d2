import type { Scenario } from "../engine/cohort/index.js";
import { assignPathway, type RuleThresholds, type Strategy } from "../engine/rules/index.js";
import { simulate, type SimulationResult } from "../engine/simulate/index.js";
import type { Project } from "./parseBundle.js";

/** What a page may change in a scenario before re-simulating it. Left-out fields keep the scenario's values. */
export interface ScenarioChanges {
  readonly n?: number;
  readonly seed?: number;
  /** Strategy ids to compare; the scenario's reference is kept when it is among them, else the first is. */
  readonly strategies?: readonly string[];
  readonly cohort?: Partial<Scenario["cohort"]>;
  readonly followUp?: Partial<Scenario["followUp"]>;
}

/** The scenario with the page's changes applied (a new object; the scenario is not mutated). */
export function changeScenario(scenario: Scenario, changes: ScenarioChanges): Scenario {
  const strategies = changes.strategies ?? scenario.strategies;
  const referenceStrategy = strategies.includes(scenario.referenceStrategy) ? scenario.referenceStrategy : strategies[0]!;
  return {
    ...scenario,
    seed: changes.seed ?? scenario.seed,
    strategies: [...strategies],
    referenceStrategy,
    cohort: { ...scenario.cohort, ...changes.cohort, size: changes.n ?? scenario.cohort.size },
    followUp: { ...scenario.followUp, ...changes.followUp },
  };
}

/**
 * Runs the library's Monte Carlo engine (`simulate` of src/simulate) in the browser on a scenario, with the
 * rules' `assignPathway` and the bundled registry — exactly what `pnen-sim simulate` does in Node, minus
 * the files and the worker threads.
 */
export function runScenario(project: Project, scenario: Scenario, options: { readonly model?: SimulationResult["model"] } = {}): SimulationResult {
  return simulate<Strategy, RuleThresholds>(scenario, project.strategies, { model: options.model }, { registry: project.registry, thresholds: project.thresholds, assignPathway });
}
