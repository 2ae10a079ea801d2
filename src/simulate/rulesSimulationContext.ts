import type { EvidenceRegistry } from "../evidence/index.js";
import { assignPathway } from "../rules/index.js";
import { type RuleThresholds, ruleThresholds } from "../rules/index.js";
import type { Strategy } from "../rules/index.js";
import type { SimulationContext } from "./SimulationContext.js";

/** The simulation context with the review's rules (src/rules): what the CLI and the dashboards use. */
export type RulesSimulationContext = SimulationContext<Strategy, RuleThresholds>;

/**
 * The simulation context of a registry with the rules' `assignPathway` and thresholds. Browser-safe: a
 * dashboard builds the registry from bundled JSON (`parseRegistry`), the CLI from data/ (`loadSimulationContextNode`).
 */
export function rulesSimulationContext(registry: EvidenceRegistry): RulesSimulationContext {
  return { registry, thresholds: ruleThresholds([...registry.thresholds, ...registry.assumptions]), assignPathway };
}
