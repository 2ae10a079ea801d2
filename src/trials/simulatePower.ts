import type { PowerResult } from "./PowerResult.js";
import { resolveDesign } from "./resolveDesign.js";
import { simulateTrials } from "./simulateTrials.js";
import { summarizePower } from "./summarizePower.js";
import type { TrialDesign } from "./TrialDesign.js";

/**
 * Power of a trial design by simulation, in the calling thread (browser-safe; for worker threads see
 * `simulatePowerParallel` in powerWorkersNode.ts, which gives identical results):
 *
 *   design ─ resolveDesign ─► for i < sims: generateTrial(subStream(seed, "trial", i)) ─► test each arm vs control
 *          ─► summarizePower: power + Wilson interval, events, HR and median-difference distributions,
 *             duration, Schoenfeld and Freedman for the same n
 *
 * `n` defaults to the design's. Cost: O(sims · n log n); about 10,000 200-patient log-rank trials per second.
 */
export function simulatePower(design: TrialDesign, options: { readonly n?: number; readonly targetPower?: number } = {}): PowerResult {
  const resolved = resolveDesign(design);
  const n = options.n ?? design.n;
  return summarizePower(resolved, n, simulateTrials(resolved, n, 0, design.sims), options.targetPower);
}
