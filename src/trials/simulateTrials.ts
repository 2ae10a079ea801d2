import { subStream } from "../random/randomSource.js";
import { compareArms, ComparisonWorkspace } from "./compareArms.js";
import { calendarEventTimes, censorTrialAt, drawTrialPatients, generateTrial, trialBuffers } from "./generateTrial.js";
import { designAccrualMonths, type ResolvedDesign } from "./resolveDesign.js";
import type { SequentialLooks } from "./simulationLooks.js";

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
  /** Group-sequential trials only: what happened at each look (the columns above then describe the stopping look). */
  readonly sequential?: SequentialOutcomes;
}

/** Per-look outcomes of group-sequential trials; per-look columns hold `count × looks` entries, trial-major. */
export interface SequentialOutcomes {
  readonly looks: number;
  /** Look at which the trial stopped (1-based; the last look when it ran to the end). */
  readonly stopLook: Uint8Array;
  /** Why: 1 efficacy (the treatment better), 2 futility, 3 harm (two-sided: the treatment significantly worse), 0 none (final analysis without rejection). */
  readonly decision: Uint8Array;
  /** Standardised statistic S (positive favours the treatment) and estimated hazard ratio at each look; NaN after the stop. */
  readonly statistic: Float64Array;
  readonly hazardRatio: Float64Array;
  /** Calendar month of each look and the events there, every look (also those after the stop: when they would have been). */
  readonly time: Float64Array;
  readonly events: Float64Array;
}

/** Decisions of a group-sequential look. */
export const SequentialDecision = { none: 0, efficacy: 1, futility: 2, harm: 3 } as const;

/**
 * Simulates trials `first` … `last − 1` of n patients. Trial i draws only from `subStream(seed, "trial", i)`,
 * so any split of the indices among workers gives the same outcomes. With `looks` the trials are
 * group-sequential ({@link simulateSequentialTrial}). Runs in O((last − first) · looks · n log n).
 */
export function simulateTrials(resolved: ResolvedDesign, n: number, first: number, last: number, looks: SequentialLooks | null = null): TrialOutcomes {
  if (looks !== null) return simulateSequentialTrials(resolved, n, first, last, looks);
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

/**
 * Group-sequential trials: the same patients as {@link simulateTrials} draws (trial i from sub-stream i),
 * analysed at each look:
 *
 *   draw the patients once → sort the calendar months of their events
 *   look k: analysis at the month of the events_k-th event → censor there → compareArms → S = −z (positive: the treatment is better)
 *           S ≥ efficacy_k: stop, reject  ·  two-sided and S ≤ −efficacy_k: stop, reject (harm)
 *           S < futility_k: stop for futility  ·  otherwise continue to look k + 1
 *
 * A look whose events never come (too few events in the whole trial) is held when the last follow-up ends,
 * with the events there are. The summary columns of {@link TrialOutcomes} describe the stopping look.
 * O(count · looks · n log n).
 */
function simulateSequentialTrials(resolved: ResolvedDesign, n: number, first: number, last: number, looks: SequentialLooks): TrialOutcomes {
  const count = Math.max(0, last - first);
  const lookCount = looks.events.length;
  const outcomes = {
    first,
    count,
    comparisons: 1,
    reject: new Uint8Array(count),
    z: new Float64Array(count),
    hazardRatio: new Float64Array(count),
    medianControl: new Float64Array(count),
    medianTreatment: new Float64Array(count),
    events: new Float64Array(count),
    totalEvents: new Float64Array(count),
    analysisTime: new Float64Array(count),
    sequential: {
      looks: lookCount,
      stopLook: new Uint8Array(count),
      decision: new Uint8Array(count),
      statistic: new Float64Array(count * lookCount).fill(NaN),
      hazardRatio: new Float64Array(count * lookCount).fill(NaN),
      time: new Float64Array(count * lookCount),
      events: new Float64Array(count * lookCount),
    },
  } satisfies TrialOutcomes;
  const buffers = trialBuffers(n);
  const workspace = new ComparisonWorkspace(n);
  const accrualMonths = designAccrualMonths(resolved.design, n);
  const sequential = outcomes.sequential;
  for (let k = 0; k < count; k++) {
    drawTrialPatients(resolved, n, accrualMonths, subStream(resolved.design.seed, "trial", first + k), buffers);
    const calendar = calendarEventTimes(n, buffers);
    for (let look = 0; look < lookCount; look++) {
      const wanted = looks.events[look];
      const at = k * lookCount + look;
      sequential.time[at] = calendar.events.length >= wanted ? calendar.events[wanted - 1] : calendar.lastFollowUp;
      sequential.events[at] = Math.min(wanted, calendar.events.length);
    }
    for (let look = 0; look < lookCount; look++) {
      const at = k * lookCount + look;
      const time = sequential.time[at];
      const trial = censorTrialAt(n, accrualMonths, time, buffers);
      const outcome = compareArms(resolved, workspace.fill(trial, 1));
      const statistic = -outcome.z;
      sequential.statistic[at] = statistic;
      sequential.hazardRatio[at] = outcome.hazardRatio;
      const final = look === lookCount - 1;
      let decision: number = SequentialDecision.none;
      if (statistic >= looks.efficacy[look]) decision = SequentialDecision.efficacy;
      else if (looks.sided === 2 && statistic <= -looks.efficacy[look]) decision = SequentialDecision.harm;
      else if (!final && statistic < looks.futility[look]) decision = SequentialDecision.futility;
      if (decision === SequentialDecision.none && !final) continue;
      sequential.stopLook[k] = look + 1;
      sequential.decision[k] = decision;
      outcomes.reject[k] = decision === SequentialDecision.efficacy || decision === SequentialDecision.harm ? 1 : 0;
      outcomes.z[k] = outcome.z;
      outcomes.hazardRatio[k] = outcome.hazardRatio;
      outcomes.medianControl[k] = outcome.medianControl;
      outcomes.medianTreatment[k] = outcome.medianTreatment;
      outcomes.events[k] = outcome.events;
      outcomes.totalEvents[k] = outcome.events;
      outcomes.analysisTime[k] = time;
      break;
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
    ...(sorted.length > 0 && sorted[0].sequential !== undefined
      ? {
          sequential: {
            looks: sorted[0].sequential.looks,
            stopLook: join((length) => new Uint8Array(length), (o) => (o.sequential as SequentialOutcomes).stopLook),
            decision: join((length) => new Uint8Array(length), (o) => (o.sequential as SequentialOutcomes).decision),
            statistic: join(f64, (o) => (o.sequential as SequentialOutcomes).statistic),
            hazardRatio: join(f64, (o) => (o.sequential as SequentialOutcomes).hazardRatio),
            time: join(f64, (o) => (o.sequential as SequentialOutcomes).time),
            events: join(f64, (o) => (o.sequential as SequentialOutcomes).events),
          },
        }
      : {}),
  };
}
