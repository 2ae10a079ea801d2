import type { DigitisedCurve } from "./digitisedCurve.js";

/** A published numbers-at-risk table: the number still at risk (followed, without the event) at each time. */
export interface RiskTable {
  readonly time: readonly number[];
  readonly nRisk: readonly number[];
}

export interface ReconstructOptions {
  /** The numbers at risk printed under the plot. Without one, `n` is required and censoring is only guessed. */
  readonly riskTable?: RiskTable;
  /** Patients at time 0: required without a risk table, or when the table does not start at time 0. */
  readonly n?: number;
  /** The total number of events, where published: fixes the censoring after the last risk-table time. */
  readonly totalEvents?: number;
  /** Names row i of the risk table in error messages; default `risk table row ${i + 1}`. */
  readonly describeRiskRow?: (index: number) => string;
}

/** Reconstructed individual data, sorted by time (events before censorings at equal times), with diagnostics. */
export interface ReconstructedIpd {
  readonly time: Float64Array;
  /** 1 = event, 0 = censored. */
  readonly event: Uint8Array;
  readonly n: number;
  readonly events: number;
  readonly censored: number;
  /** The numbers at risk at the risk-table times (time 0 included): as published and as reconstructed. */
  readonly riskTable: { readonly time: readonly number[]; readonly published: readonly number[]; readonly reconstructed: readonly number[] };
  /** Total events: as published (null if not given) and as reconstructed. */
  readonly totalEvents: { readonly published: number | null; readonly reconstructed: number };
  /** Largest |Kaplan–Meier of the reconstructed data − digitised survival| over the curve's points. */
  readonly maxCurveDifference: number;
  /** Where the published figures could not all be met (e.g. more events before the last risk time than the total). */
  readonly warnings: readonly string[];
}

/**
 * Reconstructs individual patient data (time, event) from a digitised Kaplan–Meier curve, the numbers at risk
 * and the total number of events, by the algorithm of Guyot, Ades, Ouwens & Welton (2012), "Enhanced secondary
 * analysis of survival data: reconstructing the data from published Kaplan-Meier survival curves", BMC Med Res
 * Methodol 12:9, doi:10.1186/1471-2288-12-9.
 *
 * The risk-table times split the curve into intervals. Within interval i, with nᵢ at risk at its start:
 * 1. guess the censorings in it, cᵢ = round(nᵢ·S(t_{i+1})/S(tᵢ) − n_{i+1}), and spread them evenly over it;
 * 2. invert the Kaplan–Meier equations at each digitised point k: the events there are
 *    d_k = round(n_k(1 − S_k/Ŝ_last)), with Ŝ_last the reconstructed curve after the last event, and
 *    n_{k+1} = n_k − d_k − censorings between points k and k + 1;
 * 3. compare the reconstructed number at risk at the next risk time with the published one, move the
 *    difference into cᵢ and repeat until they agree (or no censoring is left to remove).
 * In the last interval (no number at risk at its end) the censoring rate is that of the earlier intervals,
 * unless the total number of events is given: then cᵢ is adjusted until the reconstructed total equals it.
 * Every patient left at the end is censored at the last digitised time. Censoring times are spread evenly
 * between digitised points (Guyot: at the midpoint between them); events sit at the digitised drop times.
 *
 * Guards the published algorithm leaves out: events and numbers at risk are kept non-negative, and an
 * adjustment that cycles stops at the censoring count with the smallest error (with a warning).
 * Accuracy depends on what is published (Guyot et al.: excellent for survival probabilities and medians; for
 * hazard ratios only when numbers at risk or the total events are reported). Runs in O(points × iterations),
 * iterations bounded by the numbers at risk.
 */
export function reconstructIpd(curve: DigitisedCurve, options: ReconstructOptions = {}): ReconstructedIpd {
  const risk = checkRiskTable(curve, options);
  const warnings: string[] = [];
  // Insert a point at every risk-table time (the step's value there) so each interval starts at a point.
  const times: number[] = [];
  const levels: number[] = [];
  let r = 0;
  for (let k = 0; k <= curve.time.length; k++) {
    const t = k < curve.time.length ? curve.time[k]! : Infinity;
    while (r < risk.time.length && risk.time[r]! <= t) {
      if (risk.time[r]! < t && (times.length === 0 || times[times.length - 1]! < risk.time[r]!)) {
        times.push(risk.time[r]!);
        levels.push(levels.length === 0 ? 1 : levels[levels.length - 1]!);
      }
      r++;
    }
    if (k < curve.time.length) {
      times.push(t);
      levels.push(curve.survival[k]!);
    }
  }
  const t = Float64Array.from(times);
  const S = Float64Array.from(levels);
  const points = t.length;
  const intervals = risk.time.length;
  const lower = new Int32Array(intervals);
  const upper = new Int32Array(intervals);
  for (let i = 0, k = 0; i < intervals; i++) {
    while (t[k]! < risk.time[i]!) k++;
    lower[i] = k; // the first (highest) point at the risk time
  }
  for (let i = 0; i < intervals; i++) upper[i] = i + 1 < intervals ? lower[i + 1]! - 1 : points - 1;

  const nRisk = [...risk.nRisk];
  const state = new GuyotState(t, S);
  const censorings = new Float64Array(intervals);
  const lastEvent = new Int32Array(intervals);
  for (let i = 0; i + 1 < intervals; i++) {
    const first = lower[i]!;
    const next = lower[i + 1]!;
    const guess = S[first]! > 0 ? Math.round((nRisk[i]! * S[next]!) / S[first]! - nRisk[i + 1]!) : 0;
    const outcome = adjust(guess, nRisk[i]!, (count) => {
      state.spreadCensorings(count, t[first]!, t[next]!, first, upper[i]!);
      lastEvent[i + 1] = state.walk(first, upper[i]!, nRisk[i]!, lastEvent[i]!);
      const excess = state.atRisk[next]! - nRisk[i + 1]!;
      return { excess, done: excess === 0 || (excess < 0 && count === 0) };
    });
    censorings[i] = outcome.count;
    const reached = state.atRisk[next]!;
    if (reached < nRisk[i + 1]!) {
      warnings.push(`at time ${t[next]} the published number at risk ${nRisk[i + 1]} exceeds the ${reached} the curve leaves (its drops before then need more events); continuing from ${reached}`);
    } else if (reached > nRisk[i + 1]!) {
      warnings.push(`at time ${t[next]} the number at risk could not be brought down to the published ${nRisk[i + 1]}; continuing from ${reached}`);
    }
    // The next interval starts from the number the reconstruction reached, so the data stay consistent.
    nRisk[i + 1] = reached;
  }
  // The last interval: censoring at the average rate of the earlier intervals, then matched to the total events.
  const i = intervals - 1;
  const first = lower[i]!;
  const end = upper[i]!;
  const span = intervals > 1 ? t[upper[i - 1]!]! - t[lower[0]!]! : 0;
  let earlier = 0;
  for (let j = 0; j < i; j++) earlier += censorings[j]!;
  const rateGuess = span > 0 ? Math.min(Math.round((earlier * (t[end]! - t[first]!)) / span), nRisk[i]!) : 0;
  const runLast = (count: number) => {
    state.spreadCensorings(count, t[first]!, t[end]!, first, end - 1);
    state.walk(first, end, nRisk[i]!, lastEvent[i]!);
  };
  const total = options.totalEvents ?? null;
  let eventsBefore = 0;
  for (let k = 0; k < first; k++) eventsBefore += state.events[k]!;
  if (total === null) {
    runLast(Math.max(0, rateGuess));
  } else if (intervals > 1 && eventsBefore >= total) {
    state.spreadCensorings(0, t[first]!, t[end]!, first, end - 1);
    state.silence(first, end, nRisk[i]!);
    if (eventsBefore > total) warnings.push(`the curve needs ${eventsBefore} events before time ${t[first]}, more than the ${total} published in total; no events after it`);
  } else {
    const outcome = adjust(Math.max(0, rateGuess), nRisk[i]!, (count) => {
      runLast(count);
      const excess = state.totalEvents() - total;
      return { excess, done: excess === 0 || (excess < 0 && count === 0) };
    });
    if (outcome.cycled || state.totalEvents() !== total) warnings.push(`the total of ${total} events could not be matched exactly: the curve gives ${state.totalEvents()}`);
  }
  return assemble(state, risk, nRisk[0]!, total, warnings);
}

/**
 * Iterates a censoring count in 0..limit: `run(count)` rebuilds the interval and reports the excess
 * (reconstructed minus target); the count moves by the excess until `done`. A count seen before means the
 * iteration cycles (or is stuck at a bound): it stops at the count with the smallest |excess| (re-run so the
 * state matches it). At most limit + 2 runs.
 */
function adjust(start: number, limit: number, run: (count: number) => { excess: number; done: boolean }): { count: number; excess: number; cycled: boolean } {
  const seen = new Map<number, number>();
  let count = Math.min(limit, Math.max(0, start));
  for (;;) {
    const { excess, done } = run(count);
    if (done) return { count, excess, cycled: false };
    seen.set(count, excess);
    const next = Math.min(limit, Math.max(0, count + excess));
    if (seen.has(next)) {
      let best = count;
      for (const [c, e] of seen) if (Math.abs(e) < Math.abs(seen.get(best)!) || (Math.abs(e) === Math.abs(seen.get(best)!) && e > 0 && c < best)) best = c;
      const final = run(best);
      return { count: best, excess: final.excess, cycled: true };
    }
    count = next;
  }
}

/** Events, censorings, numbers at risk and the reconstructed curve at the digitised points. */
class GuyotState {
  readonly events: Float64Array;
  /** Censorings in [t_k, t_{k+1}). */
  readonly censored: Float64Array;
  /** Number at risk just before point k (index up to points). */
  readonly atRisk: Float64Array;
  readonly curve: Float64Array;

  constructor(
    readonly time: Float64Array,
    readonly survival: Float64Array,
  ) {
    const points = time.length;
    this.events = new Float64Array(points);
    this.censored = new Float64Array(points);
    this.atRisk = new Float64Array(points + 1);
    this.curve = new Float64Array(points).fill(1);
  }

  /** Spreads `count` censorings evenly over (from, to) and counts them into the bins [t_k, t_{k+1}), k in first..last. */
  spreadCensorings(count: number, from: number, to: number, first: number, last: number): void {
    for (let k = first; k <= last; k++) this.censored[k] = 0;
    let k = first;
    for (let j = 1; j <= count; j++) {
      const at = from + (j * (to - from)) / (count + 1);
      while (k < last && this.time[k + 1]! <= at) k++;
      this.censored[k]! += 1;
    }
  }

  /**
   * Steps 2 of the algorithm over points first..last, with `start` at risk before `first` and the reconstructed
   * curve last changed at point `lastEvent`; returns the last point with events.
   */
  walk(first: number, last: number, start: number, lastEvent: number): number {
    const { events, censored, atRisk, curve, survival } = this;
    atRisk[first] = start;
    let previous = lastEvent;
    for (let k = first; k <= last; k++) {
      const base = k === 0 ? 1 : curve[previous]!;
      const n = atRisk[k]!;
      let d = 0;
      if (base > 0 && n > 0) d = Math.min(n, Math.max(0, Math.round(n * (1 - survival[k]! / base))));
      events[k] = d;
      curve[k] = n > 0 ? base * (1 - d / n) : base;
      let after = n - d - censored[k]!;
      if (after < 0) {
        censored[k] = n - d;
        after = 0;
      }
      atRisk[k + 1] = after;
      if (d > 0) previous = k;
    }
    return previous;
  }

  /** No events and no censorings over first..last: everyone at risk stays at risk (Guyot's rule when the events are used up). */
  silence(first: number, last: number, start: number): void {
    for (let k = first; k <= last; k++) {
      this.events[k] = 0;
      this.censored[k] = 0;
      this.atRisk[k] = start;
      this.curve[k] = k === 0 ? 1 : this.curve[k - 1]!;
    }
    this.atRisk[last + 1] = start;
  }

  totalEvents(): number {
    let sum = 0;
    for (const d of this.events) sum += d;
    return sum;
  }
}

function assemble(state: GuyotState, risk: RiskTable, n: number, total: number | null, warnings: string[]): ReconstructedIpd {
  const { time: t, events, censored } = state;
  const points = t.length;
  const time: number[] = [];
  const event: number[] = [];
  let eventCount = 0;
  let used = 0;
  for (let k = 0; k < points; k++) {
    for (let j = 0; j < events[k]!; j++) {
      time.push(t[k]!);
      event.push(1);
    }
    eventCount += events[k]!;
    const c = censored[k]!;
    const next = k + 1 < points ? t[k + 1]! : t[k]!;
    for (let j = 1; j <= c; j++) {
      time.push(t[k]! + (j * (next - t[k]!)) / (c + 1));
      event.push(0);
    }
    used += events[k]! + c;
  }
  for (let j = used; j < n; j++) {
    time.push(t[points - 1]!);
    event.push(0);
  }
  const order = time.map((_, i) => i).sort((a, b) => time[a]! - time[b]! || event[b]! - event[a]!);
  const sortedTime = Float64Array.from(order, (i) => time[i]!);
  const sortedEvent = Uint8Array.from(order, (i) => event[i]!);
  // Diagnostics from the output itself: numbers at risk at the risk times and the Kaplan–Meier curve at each point.
  const reconstructed = risk.time.map((r) => {
    let count = 0;
    for (const value of sortedTime) if (value >= r) count++;
    return count;
  });
  let maxCurveDifference = 0;
  let atRisk = sortedTime.length;
  let km = 1;
  let at = 0;
  for (let k = 0; k < points; k++) {
    while (at < sortedTime.length && sortedTime[at]! < t[k]!) {
      const same = sortedTime[at]!;
      let d = 0;
      let leaving = 0;
      while (at < sortedTime.length && sortedTime[at] === same) {
        d += sortedEvent[at]!;
        leaving++;
        at++;
      }
      if (atRisk > 0) km *= 1 - d / atRisk;
      atRisk -= leaving;
    }
    // The curve just after t_k: include events at t_k.
    let d = 0;
    for (let j = at; j < sortedTime.length && sortedTime[j] === t[k]; j++) d += sortedEvent[j]!;
    const after = atRisk > 0 ? km * (1 - d / atRisk) : km;
    if (k + 1 === points || t[k + 1]! > t[k]!) maxCurveDifference = Math.max(maxCurveDifference, Math.abs(after - state.survival[k]!));
  }
  return {
    time: sortedTime,
    event: sortedEvent,
    n: sortedTime.length,
    events: eventCount,
    censored: sortedTime.length - eventCount,
    riskTable: { time: [...risk.time], published: [...risk.nRisk], reconstructed },
    totalEvents: { published: total, reconstructed: eventCount },
    maxCurveDifference,
    warnings,
  };
}

/** Validates the risk table and the counts against the curve; returns the table from time 0, sorted. */
function checkRiskTable(curve: DigitisedCurve, options: ReconstructOptions): RiskTable {
  const describe = options.describeRiskRow ?? ((i: number) => `risk table row ${i + 1}`);
  const lastTime = curve.time[curve.time.length - 1]!;
  const n = options.n;
  if (n !== undefined && !(Number.isInteger(n) && n >= 1)) throw new RangeError(`reconstructIpd: n (patients at time 0) must be a positive integer, got ${n}`);
  const rows: { time: number; nRisk: number; index: number }[] = [];
  const table = options.riskTable;
  if (table !== undefined) {
    if (table.time.length !== table.nRisk.length) throw new RangeError(`reconstructIpd: the risk table needs one number at risk per time, got ${table.time.length} times and ${table.nRisk.length} numbers`);
    for (let i = 0; i < table.time.length; i++) {
      const time = table.time[i]!;
      const count = table.nRisk[i]!;
      if (!(Number.isFinite(time) && time >= 0)) throw new RangeError(`${describe(i)}: time must be a non-negative number, got ${time}`);
      if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`${describe(i)}: the number at risk must be a whole number ≥ 0, got ${count}`);
      if (time > lastTime) {
        throw new RangeError(`${describe(i)}: time ${time} is after the curve's last point (time ${lastTime}); digitise the curve up to it, or leave this row out`);
      }
      rows.push({ time, nRisk: count, index: i });
    }
    rows.sort((a, b) => a.time - b.time);
    for (let j = 1; j < rows.length; j++) {
      const a = rows[j - 1]!;
      const b = rows[j]!;
      if (a.time === b.time) throw new RangeError(`${describe(b.index)}: time ${b.time} appears twice in the risk table`);
      if (b.nRisk > a.nRisk) throw new RangeError(`${describe(b.index)}: the number at risk rises from ${a.nRisk} at time ${a.time} to ${b.nRisk} at time ${b.time}; it can only fall`);
    }
  }
  if (rows.length === 0 || rows[0]!.time > 0) {
    if (n === undefined) {
      throw new RangeError(
        table === undefined
          ? "reconstructIpd: the number of patients at time 0 (n) is required without a risk table"
          : "reconstructIpd: the risk table does not start at time 0; give the number of patients at time 0 (n)",
      );
    }
    if (rows.length > 0 && rows[0]!.nRisk > n) throw new RangeError(`${describe(rows[0]!.index)}: ${rows[0]!.nRisk} at risk is more than the ${n} patients at time 0`);
    rows.unshift({ time: 0, nRisk: n, index: -1 });
  } else if (n !== undefined && n !== rows[0]!.nRisk) {
    throw new RangeError(`${describe(rows[0]!.index)}: ${rows[0]!.nRisk} at risk at time 0 disagrees with n = ${n}`);
  }
  if (rows[0]!.nRisk < 1) throw new RangeError(`${describe(Math.max(0, rows[0]!.index))}: the number at risk at time 0 must be at least 1`);
  const total = options.totalEvents;
  if (total !== undefined && !(Number.isInteger(total) && total >= 0 && total <= rows[0]!.nRisk)) {
    throw new RangeError(`reconstructIpd: the total number of events must be a whole number from 0 to ${rows[0]!.nRisk} (the patients at time 0), got ${total}`);
  }
  return { time: rows.map((row) => row.time), nRisk: rows.map((row) => row.nRisk) };
}
