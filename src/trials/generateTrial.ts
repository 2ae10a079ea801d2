import type { RandomSource } from "../random/randomSource.js";
import { accrualProfile, accrualQuantile } from "./accrual.js";
import { inverseCumulativeHazard } from "./piecewiseHazard.js";
import type { ResolvedDesign } from "./resolveDesign.js";

/**
 * The data of one simulated trial at its analysis, in columns (one entry per patient, in order of
 * randomisation). `time` is months from entry to event or censoring; `event` is 1 for an observed event.
 */
export interface TrialData {
  readonly n: number;
  readonly arm: Uint8Array;
  readonly stratum: Uint8Array;
  readonly entry: Float64Array;
  readonly time: Float64Array;
  readonly event: Uint8Array;
  /** Calendar month of the analysis (accrual + follow-up, or the target event). */
  readonly analysisTime: number;
  readonly accrualMonths: number;
}

/** Reusable work space for {@link generateTrial}, so the Monte Carlo loop does not allocate per trial. */
export interface TrialBuffers {
  readonly arm: Uint8Array;
  readonly stratum: Uint8Array;
  readonly entry: Float64Array;
  readonly eventTime: Float64Array;
  readonly dropoutTime: Float64Array;
  readonly time: Float64Array;
  readonly event: Uint8Array;
  readonly calendar: Float64Array;
  readonly block: Uint8Array;
}

export function trialBuffers(n: number): TrialBuffers {
  return {
    arm: new Uint8Array(n),
    stratum: new Uint8Array(n),
    entry: new Float64Array(n),
    eventTime: new Float64Array(n),
    dropoutTime: new Float64Array(n),
    time: new Float64Array(n),
    event: new Uint8Array(n),
    calendar: new Float64Array(n),
    block: new Uint8Array(64),
  };
}

/**
 * Draws one trial of n patients from `source`.
 *
 *   for each patient, in order:  arm (permuted block) → stratum → entry month → event time → dropout time
 *   analysis at accrual + follow-up (or at the target-th event)  →  time = min(event, dropout, analysis − entry)
 *
 * Each patient uses the same number of draws whatever the design, and the first n patients of a larger trial
 * are this trial's patients (a prefix): the sample-size search compares n values with common random numbers.
 * Event time: the arm's quantile at u^(1/m) for stratum hazard multiplier m. Dropout: exponential at the
 * design's rate (drawn even when the rate is 0, to keep streams aligned). Runs in O(n) (O(n log n) for an
 * event-driven analysis); allocates nothing when `buffers` is given.
 */
export function generateTrial(resolved: ResolvedDesign, n: number, accrualMonths: number, source: RandomSource, buffers: TrialBuffers = trialBuffers(n)): TrialData {
  drawTrialPatients(resolved, n, accrualMonths, source, buffers);
  const { design } = resolved;
  const analysisTime = design.targetEvents === null ? accrualMonths + design.followUpMonths : eventDrivenAnalysisTime(n, design.targetEvents, buffers);
  return censorTrialAt(n, accrualMonths, analysisTime, buffers);
}

/**
 * The patients of one trial, drawn into `buffers` (arm, stratum, entry, event and dropout times; nothing is
 * censored yet): the first half of {@link generateTrial}. The group-sequential simulation draws once and
 * then censors at each interim analysis ({@link censorTrialAt}). O(n).
 */
export function drawTrialPatients(resolved: ResolvedDesign, n: number, accrualMonths: number, source: RandomSource, buffers: TrialBuffers): void {
  const { design, arms, block, allocationFractions, stratumCumulative, stratumInversePower } = resolved;
  const rampMonths = design.accrual.rampMonths;
  const dropoutRate = design.dropout.ratePerMonth;
  // Piecewise accrual or dropout: inversion through their profiles (same one draw per patient each).
  const piecewiseEntry = design.accrual.kind === "piecewise" ? accrualProfile(design.accrual, accrualMonths).quantile : null;
  const piecewiseDropout = design.dropout.pieces !== undefined && design.dropout.pieces.length > 1 ? resolved.dropout : null;
  const { arm, stratum, entry, eventTime, dropoutTime } = buffers;
  const blockLength = block === null ? 0 : block.length;
  let position = blockLength;
  for (let patient = 0; patient < n; patient++) {
    if (block !== null) {
      if (position === blockLength) {
        // Fisher–Yates shuffle of a fresh block.
        for (let k = 0; k < blockLength; k++) buffers.block[k] = block[k];
        for (let k = blockLength - 1; k > 0; k--) {
          const j = Math.floor(source() * (k + 1));
          const swap = buffers.block[k];
          buffers.block[k] = buffers.block[j];
          buffers.block[j] = swap;
        }
        position = 0;
      }
      arm[patient] = buffers.block[position++];
    } else {
      const u = source();
      let a = 0;
      let cumulative = allocationFractions[0];
      while (u >= cumulative && a < allocationFractions.length - 1) cumulative += allocationFractions[++a];
      arm[patient] = a;
    }
    const us = source();
    let s = 0;
    while (us >= stratumCumulative[s] && s < stratumCumulative.length - 1) s++;
    stratum[patient] = s;
    entry[patient] = piecewiseEntry === null ? accrualQuantile(accrualMonths, rampMonths, source()) : piecewiseEntry(source());
    const survivalProbability = 1 - source();
    const power = stratumInversePower[s];
    eventTime[patient] = arms[arm[patient]].quantile(power === 1 ? survivalProbability : Math.pow(survivalProbability, power));
    const ud = source();
    if (piecewiseDropout !== null) dropoutTime[patient] = inverseCumulativeHazard(piecewiseDropout, -Math.log1p(-ud));
    else dropoutTime[patient] = dropoutRate > 0 ? -Math.log1p(-ud) / dropoutRate : Infinity;
  }
}

/**
 * The trial drawn in `buffers` as analysed at calendar month `analysisTime`: time = min(event, dropout,
 * analysis − entry), event = 1 when the event comes first and by the analysis (patients not yet entered
 * have time 0, no event). The second half of {@link generateTrial}; the returned columns view `buffers`. O(n).
 */
export function censorTrialAt(n: number, accrualMonths: number, analysisTime: number, buffers: TrialBuffers): TrialData {
  const { arm, stratum, entry, eventTime, dropoutTime } = buffers;
  const { time, event } = buffers;
  for (let patient = 0; patient < n; patient++) {
    const administrative = analysisTime - entry[patient];
    const censor = dropoutTime[patient] < administrative ? dropoutTime[patient] : administrative;
    // Compared on the calendar scale (entry + event ≤ analysis), as the event-driven analysis time was found.
    if (eventTime[patient] <= dropoutTime[patient] && entry[patient] + eventTime[patient] <= analysisTime) {
      time[patient] = eventTime[patient];
      event[patient] = 1;
    } else {
      time[patient] = Math.max(censor, 0);
      event[patient] = 0;
    }
  }
  return {
    n,
    arm: arm.subarray(0, n),
    stratum: stratum.subarray(0, n),
    entry: entry.subarray(0, n),
    time: time.subarray(0, n),
    event: event.subarray(0, n),
    analysisTime,
    accrualMonths,
  };
}

/**
 * Calendar month of the target-th observable event (an event before dropout); if fewer events ever occur,
 * the month the last patient's follow-up ends.
 */
function eventDrivenAnalysisTime(n: number, targetEvents: number, buffers: TrialBuffers): number {
  const calendar = calendarEventTimes(n, buffers);
  return calendar.events.length < targetEvents ? calendar.lastFollowUp : calendar.events[targetEvents - 1];
}

/**
 * The calendar months of the observable events of the trial drawn in `buffers`, sorted (a view of
 * `buffers.calendar`), and the month the last patient's follow-up ends (the analysis when too few events
 * ever occur). O(n log n).
 */
export function calendarEventTimes(n: number, buffers: TrialBuffers): { readonly events: Float64Array; readonly lastFollowUp: number } {
  const { entry, eventTime, dropoutTime, calendar } = buffers;
  let count = 0;
  let last = 0;
  for (let patient = 0; patient < n; patient++) {
    const end = entry[patient] + Math.min(eventTime[patient], dropoutTime[patient]);
    if (Number.isFinite(end) && end > last) last = end;
    if (eventTime[patient] <= dropoutTime[patient] && Number.isFinite(eventTime[patient])) calendar[count++] = entry[patient] + eventTime[patient];
  }
  if (last === 0) for (let patient = 0; patient < n; patient++) if (entry[patient] > last) last = entry[patient];
  return { events: calendar.subarray(0, count).sort(), lastFollowUp: last };
}
