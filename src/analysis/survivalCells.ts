import type { EventTable } from "./eventTable.js";

/**
 * Right-censored data grouped into cells: subjects with the same time and group, with their numbers of
 * events and censorings. A parametric likelihood is a sum over subjects of terms that depend only on
 * (time, group, event), so it is a weighted sum over cells — ties cost nothing, and a million records with
 * times rounded to days become a few thousand cells.
 */
export interface SurvivalCells {
  /** Number of subjects and of events. */
  readonly n: number;
  readonly totalEvents: number;
  /** Number of groups; `group[c]` is in 0..groupCount − 1. */
  readonly groupCount: number;
  readonly time: Float64Array;
  readonly group: Int32Array;
  readonly events: Float64Array;
  readonly censored: Float64Array;
  /** Events per group. */
  readonly groupEvents: Float64Array;
}

/**
 * The non-empty (time, group) cells of the first stratum of an event table, in time order. Build the table
 * with `timefix = false`: parametric fits use the exact times (R's survreg does not merge near-equal times).
 * Runs in O(rows × groups).
 */
export function survivalCells(table: EventTable): SurvivalCells {
  const k = table.groups.length;
  const end = table.stratumStart[1]!;
  let count = 0;
  for (let cell = 0; cell < end * k; cell++) if (table.nEvent[cell]! + table.nCensor[cell]! > 0) count++;
  const time = new Float64Array(count);
  const group = new Int32Array(count);
  const events = new Float64Array(count);
  const censored = new Float64Array(count);
  const groupEvents = new Float64Array(k);
  let at = 0;
  let totalEvents = 0;
  for (let r = 0; r < end; r++) {
    for (let g = 0; g < k; g++) {
      const cell = r * k + g;
      const d = table.nEvent[cell]!;
      const c = table.nCensor[cell]!;
      if (d + c === 0) continue;
      time[at] = table.time[r]!;
      group[at] = g;
      events[at] = d;
      censored[at] = c;
      groupEvents[g]! += d;
      totalEvents += d;
      at++;
    }
  }
  return { n: table.n, totalEvents, groupCount: k, time, group, events, censored, groupEvents };
}
