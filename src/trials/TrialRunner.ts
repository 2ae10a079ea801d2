import { resolveDesign } from "./resolveDesign.js";
import type { SequentialLooks } from "./simulationLooks.js";
import { simulateTrials, type TrialOutcomes } from "./simulateTrials.js";
import type { TrialDesign } from "./TrialDesign.js";

/**
 * Runs the design's `sims` trials of n patients and returns their outcomes in trial order; with `looks`,
 * as group-sequential trials. The in-thread runner is {@link runTrialsInThread}; `parallelTrialRunner`
 * (powerWorkersNode.ts) spreads the trials over worker threads with identical results.
 */
export type TrialRunner = (design: TrialDesign, n: number, looks?: SequentialLooks | null) => Promise<TrialOutcomes>;

export const runTrialsInThread: TrialRunner = async (design, n, looks = null) => simulateTrials(resolveDesign(design), n, 0, design.sims, looks);
