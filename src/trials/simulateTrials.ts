import { subStream } from "../random/randomSource.js";
import { compareArms, ComparisonWorkspace } from "./compareArms.js";
import { generateTrial, trialBuffers } from "./generateTrial.js";
import { designAccrualMonths, type ResolvedDesign } from "./resolveDesign.js";

/**
 * The raw Monte Carlo output for simulated trials `first` … `first + count − 1`, in columns. Per-comparison
 * columns hold `count × comparisons` entries, trial-major (trial i, comparison c at i·comparisons + c).
 * Plain typed arrays: they cross worker boundaries cheaply and concatenate in order.
 */
export interface TrialOutcomes {
  readonly first: number;
  readonly count: number;
  readonly comparisons: number;
  readonly reject: Uint8Array;
  readonly z: Float64Array;
  readonly hazardRatio: Float64Array;
  readonly medianControl: Float64Array;
  readonly medianTreatment: Float64Array;
  readonly events: Float64Array;
  /** Events in all arms, per trial. */
  readonly totalEvents: Float64Array;
  /** Calendar month of the analysis, per trial. */
  readonly analysisTime: Float64Array;
}

/**
 * Simulates trials `first` … `last − 1` of n patients. Trial i draws only from `subStream(seed, "trial", i)`,
 * so any split of the indices among workers gives the same outcomes. Runs in O((last − first) · n log n).
 */
export function simulateTrials(resolved: ResolvedDesign, n: number, first: number, last: number): TrialOutcomes {
  const count = Math.max(0, last - first);
  const comparisons = resolved.arms.length - 1;
  const size = count * comparisons;
  const outcomes: TrialOutcomes = {
    first,
    count,
    comparisons,
    reject: new Uint8Array(size),
    z: new Float64Array(size),
    hazardRatio: new Float64Array(size),
    medianControl: new Float64Array(size),
    medianTreatment: new Float64Array(size),
    events: new Float64Array(size),
    totalEvents: new Float64Array(count),
    analysisTime: new Float64Array(count),
  };
  const buffers = trialBuffers(n);
  const workspace = new ComparisonWorkspace(n);
  const accrualMonths = designAccrualMonths(resolved.design, n);
  for (let k = 0; k < count; k++) {
    const trial = generateTrial(resolved, n, accrualMonths, subStream(resolved.design.seed, "trial", first + k), buffers);
    let total = 0;
    for (let i = 0; i < n; i++) total += trial.event[i];
    outcomes.totalEvents[k] = total;
    outcomes.analysisTime[k] = trial.analysisTime;
    for (let c = 0; c < comparisons; c++) {
      const outcome = compareArms(resolved, workspace.fill(trial, c + 1));
      const at = k * comparisons + c;
      outcomes.reject[at] = outcome.reject ? 1 : 0;
      outcomes.z[at] = outcome.z;
      outcomes.hazardRatio[at] = outcome.hazardRatio;
      outcomes.medianControl[at] = outcome.medianControl;
      outcomes.medianTreatment[at] = outcome.medianTreatment;
      outcomes.events[at] = outcome.events;
    }
  }
  return outcomes;
}

/** Joins consecutive blocks of outcomes (as returned by workers) in trial order. */
export function concatOutcomes(parts: readonly TrialOutcomes[]): TrialOutcomes {
  const sorted = [...parts].sort((a, b) => a.first - b.first);
  const join = <T extends Float64Array | Uint8Array>(make: (length: number) => T, pick: (o: TrialOutcomes) => T): T => {
    const total = sorted.reduce((sum, o) => sum + pick(o).length, 0);
    const out = make(total);
    let offset = 0;
    for (const o of sorted) {
      out.set(pick(o), offset);
      offset += pick(o).length;
    }
    return out;
  };
  const f64 = (length: number) => new Float64Array(length);
  return {
    first: sorted.length > 0 ? sorted[0].first : 0,
    count: sorted.reduce((sum, o) => sum + o.count, 0),
    comparisons: sorted.length > 0 ? sorted[0].comparisons : 0,
    reject: join((length) => new Uint8Array(length), (o) => o.reject),
    z: join(f64, (o) => o.z),
    hazardRatio: join(f64, (o) => o.hazardRatio),
    medianControl: join(f64, (o) => o.medianControl),
    medianTreatment: join(f64, (o) => o.medianTreatment),
    events: join(f64, (o) => o.events),
    totalEvents: join(f64, (o) => o.totalEvents),
    analysisTime: join(f64, (o) => o.analysisTime),
  };
}
