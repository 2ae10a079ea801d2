import type { Patient } from "../cohort/Patient.js";
import type { EvidenceRegistry } from "../evidence/index.js";

/** One step of a treatment pathway as the rules return it (src/rules `PathwayStep`). */
export interface PathwayStepLike {
  readonly treatment: string;
  readonly intent?: string;
  /** Line of treatment, from 1; steps with the same line are given together. Absent: each step is its own line. */
  readonly line?: number;
}

/**
 * A pathway as the rules return it: an object with ordered `steps` (src/rules `Pathway`), or the steps
 * themselves. A `code` (a non-negative integer below 2³¹ that identifies the pathway, as src/rules gives)
 * lets the simulation find the compiled pathway in an integer table instead of by object identity.
 */
export type PathwayLike = readonly PathwayStepLike[] | { readonly steps: readonly PathwayStepLike[]; readonly code?: number };

/** A strategy as the simulation needs it: an id, and whatever the pathway function reads. */
export interface StrategyLike {
  readonly id: string;
}

/**
 * What a simulation needs besides the scenario: the evidence registry (figures and assumptions), the rule
 * thresholds, and the pathway function of the rules (`assignPathway` of src/rules). Injected so that the
 * Monte Carlo core stays free of I/O: the CLI builds it from data/ (see `loadSimulationContextNode`), a
 * dashboard from bundled JSON.
 */
export interface SimulationContext<S extends StrategyLike = StrategyLike, T = unknown> {
  readonly registry: EvidenceRegistry;
  readonly thresholds: T;
  readonly assignPathway: (patient: Patient, strategy: S, thresholds: T) => PathwayLike;
}
