import { aequateRows, type EventTable } from "./eventTable.js";
import type { EventTimes } from "./eventTimes.js";

/**
 * The event table of one stratum built from each group's sorted event and censoring times ({@link eventTimes}),
 * equal to {@link eventTableCore} on the same subjects: the distinct times of all groups (a merge of the sorted
 * arrays), per group the events and censorings at each and the numbers at risk just before it (counted from the
 * end), and R's timefix (`aeqSurv`) over the distinct times of all groups together. A table built this way has no
 * per-subject arrays (`row`, `groupIndex`, `stratumIndex` are empty): Kaplan–Meier, the two-group Efron Cox and
 * the log-rank test read only the per-row counts. O(m × groups) for m distinct times.
 */
export function eventTableFromTimes(groups: readonly EventTimes[], labels: readonly string[], timefix = true): EventTable {
  const k = groups.length;
  if (labels.length !== k) throw new RangeError(`eventTableFromTimes: ${k} groups but ${labels.length} labels`);
  const arrays: Float64Array[] = [];
  let n = 0;
  for (const g of groups) {
    arrays.push(g.events, g.censored);
    n += g.events.length + g.censored.length;
  }
  // distinct times: the merge of the 2k ascending arrays
  const position = new Int32Array(2 * k);
  let capacity = 0;
  for (const a of arrays) capacity += a.length;
  const time = new Float64Array(capacity);
  const nEvent = new Float64Array(capacity * k);
  const nCensor = new Float64Array(capacity * k);
  let rows = 0;
  for (;;) {
    let next = Infinity;
    let any = false;
    for (let a = 0; a < 2 * k; a++) {
      const p = position[a]!;
      if (p < arrays[a]!.length) {
        const t = arrays[a]![p]!;
        if (!any || t < next) next = t;
        any = true;
      }
    }
    if (!any) break;
    for (let g = 0; g < k; g++) {
      for (let which = 0; which < 2; which++) {
        const a = 2 * g + which;
        const values = arrays[a]!;
        let p = position[a]!;
        const start = p;
        while (p < values.length && values[p] === next) p++;
        position[a] = p;
        (which === 0 ? nEvent : nCensor)[rows * k + g] = p - start;
      }
    }
    time[rows++] = next;
  }
  let rowTime: Float64Array = time.subarray(0, rows);
  let events: Float64Array = nEvent.subarray(0, rows * k);
  let censorings: Float64Array = nCensor.subarray(0, rows * k);
  const stratumStart = Int32Array.of(0, rows);
  if (timefix && rows > 1) {
    const merged = aequateRows(rowTime, stratumStart);
    if (merged !== null) {
      const mergedRows = merged.time.length;
      const e = new Float64Array(mergedRows * k);
      const c = new Float64Array(mergedRows * k);
      for (let r = 0; r < rows; r++) {
        const to = merged.rowOf[r]!;
        for (let g = 0; g < k; g++) {
          e[to * k + g]! += events[r * k + g]!;
          c[to * k + g]! += censorings[r * k + g]!;
        }
      }
      rowTime = merged.time;
      events = e;
      censorings = c;
      rows = mergedRows;
      stratumStart[1] = rows;
    }
  }
  const nRisk = new Float64Array(rows * k);
  for (let g = 0; g < k; g++) {
    let atRisk = 0;
    for (let r = rows - 1; r >= 0; r--) {
      const cell = r * k + g;
      atRisk += events[cell]! + censorings[cell]!;
      nRisk[cell] = atRisk;
    }
  }
  const empty = new Int32Array(0);
  return { n, groups: [...labels], strata: ["all"], time: rowTime.slice(), stratumStart, nRisk, nEvent: events.slice(), nCensor: censorings.slice(), row: empty, groupIndex: empty, stratumIndex: empty };
}
