import type { EventTimes } from "./eventTimes.js";

const timefixTolerance = Math.sqrt(2.220446049250313e-16);

/**
 * The rows of the event table of several groups' sorted times ({@link eventTimes}), one at a time, without
 * building the table: the same rows, counts and numbers at risk as {@link eventTableFromTimes} (R's timefix
 * included: distinct times of all groups within √ε, absolutely or relative to their mean |time|, are one row at the
 * first of their chain), in O(groups) memory. For summaries of very large runs (issue 18: 10 M patients in 1.5 GiB),
 * where a table of every distinct time, and a Kaplan–Meier curve with all its columns, would not fit.
 *
 *   const rows = new EventRowCursor([a, b]);  while (rows.next()) use(rows.time, rows.nRisk[g], rows.nEvent[g], rows.nCensor[g]);
 *
 * Two passes over the data when timefix is on (the mean |time| first), one otherwise; O(m × groups) for m distinct times.
 */
export class EventRowCursor {
  /** The current row's time (the first of its chain of ties). */
  time = NaN;
  /** Per group: number at risk just before the current row, events and censorings at it. */
  readonly nRisk: Float64Array;
  readonly nEvent: Float64Array;
  readonly nCensor: Float64Array;
  private readonly arrays: Float64Array[];
  private readonly position: Int32Array;
  private readonly remaining: Float64Array;
  private readonly meanAbs: number;
  private readonly timefix: boolean;
  /** The next distinct time and its counts, read ahead (NaN when done). */
  private aheadTime = NaN;
  private readonly aheadEvent: Float64Array;
  private readonly aheadCensor: Float64Array;
  private previousDistinct = NaN;

  constructor(groups: readonly EventTimes[], timefix = true) {
    const k = groups.length;
    this.arrays = groups.flatMap((g) => [g.events, g.censored]);
    this.position = new Int32Array(2 * k);
    this.nRisk = new Float64Array(k);
    this.nEvent = new Float64Array(k);
    this.nCensor = new Float64Array(k);
    this.aheadEvent = new Float64Array(k);
    this.aheadCensor = new Float64Array(k);
    this.remaining = Float64Array.from(groups, (g) => g.events.length + g.censored.length);
    this.timefix = timefix;
    this.meanAbs = timefix ? this.meanAbsoluteDistinct() : NaN;
    this.position.fill(0);
    this.readAhead();
  }

  /** Moves to the next row; false when there is none. */
  next(): boolean {
    if (Number.isNaN(this.aheadTime)) return false;
    const k = this.nRisk.length;
    this.time = this.aheadTime;
    for (let g = 0; g < k; g++) {
      this.nRisk[g] = this.remaining[g]!;
      this.nEvent[g] = this.aheadEvent[g]!;
      this.nCensor[g] = this.aheadCensor[g]!;
    }
    this.previousDistinct = this.aheadTime;
    this.readAhead();
    // distinct times tied to the previous one (timefix) join this row
    while (this.timefix && !Number.isNaN(this.aheadTime)) {
      const gap = this.aheadTime - this.previousDistinct;
      if (!(gap <= timefixTolerance || gap / this.meanAbs <= timefixTolerance)) break;
      for (let g = 0; g < k; g++) {
        this.nEvent[g]! += this.aheadEvent[g]!;
        this.nCensor[g]! += this.aheadCensor[g]!;
      }
      this.previousDistinct = this.aheadTime;
      this.readAhead();
    }
    for (let g = 0; g < k; g++) this.remaining[g]! -= this.nEvent[g]! + this.nCensor[g]!;
    return true;
  }

  /** Reads the next distinct time of all groups and its counts into the look-ahead. */
  private readAhead(): void {
    const arrays = this.arrays;
    const position = this.position;
    let next = Infinity;
    let any = false;
    for (let a = 0; a < arrays.length; a++) {
      const p = position[a]!;
      if (p < arrays[a]!.length) {
        const t = arrays[a]![p]!;
        if (!any || t < next) next = t;
        any = true;
      }
    }
    if (!any) {
      this.aheadTime = NaN;
      return;
    }
    for (let a = 0; a < arrays.length; a++) {
      const values = arrays[a]!;
      let p = position[a]!;
      const start = p;
      while (p < values.length && values[p] === next) p++;
      position[a] = p;
      ((a & 1) === 0 ? this.aheadEvent : this.aheadCensor)[a >> 1] = p - start;
    }
    this.aheadTime = next;
  }

  /** The mean |time| over the distinct times of all groups, summed in ascending order (as R's aeqSurv and eventTable's). */
  private meanAbsoluteDistinct(): number {
    let sumAbs = 0;
    let count = 0;
    const visit = (f: (t: number) => void) => {
      this.position.fill(0);
      for (this.readAhead(); !Number.isNaN(this.aheadTime); this.readAhead()) f(this.aheadTime);
    };
    visit((t) => {
      sumAbs += Math.abs(t);
      count++;
    });
    if (count < 2) return NaN; // one row: nothing to merge (and no division)
    if (sumAbs !== Infinity) return sumAbs / count;
    // times near the largest double: average the scaled values (as eventTable's aequateRows)
    let meanAbs = 0;
    visit((t) => {
      meanAbs += Math.abs(t) / count;
    });
    return meanAbs;
  }
}
