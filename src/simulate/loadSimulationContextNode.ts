import { loadRegistry } from "../io/loadRegistry.js";
import { loadStrategies } from "../io/loadStrategies.js";
import type { Strategy } from "../rules/index.js";
import { type RulesSimulationContext, rulesSimulationContext } from "./rulesSimulationContext.js";

/**
 * Loads the evidence registry and the strategies from data/ (default: the package's data folder) and builds
 * the simulation context with the rules' `assignPathway`. Node only; a dashboard uses `rulesSimulationContext`
 * on bundled JSON.
 */
export function loadSimulationContextNode(dataDirectory?: string): { context: RulesSimulationContext; strategies: Strategy[] } {
  const registry = loadRegistry(dataDirectory);
  const strategies = loadStrategies(dataDirectory === undefined ? undefined : `${dataDirectory}/strategies`);
  return { context: rulesSimulationContext(registry), strategies };
}
