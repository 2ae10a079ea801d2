import type { EventTimes } from "../analysis/eventTimes.js";
import { type SummaryTables, mergeSummaryTables } from "./summaryTables.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One mergeable sorted array of a run, gathered from its chunks: the chunks' sorted runs side by side in one slab. */
class Slab {
  readonly values: Float64Array;
  length = 0;
  readonly runs: number[] = [0];
  constructor(capacity: number) {
    this.values = new Float64Array(capacity); // zero pages: resident only as far as written
  }
  add(sorted: Float64Array): void {
    this.values.set(sorted, this.length);
    this.length += sorted.length;
    this.runs.push(this.length);
  }
  /** Merges the runs bottom-up, ping-ponging with `scratch` (at least as long), and returns the sorted view. */
  finish(scratch: Float64Array): Float64Array {
    let source = this.values;
    let target = scratch;
    let runs = this.runs;
    while (runs.length > 2) {
      const next: number[] = [0];
      for (let k = 0; k + 1 < runs.length; k += 2) {
        const start = runs[k]!;
        const middle = runs[k + 1]!;
        const end = k + 2 < runs.length ? runs[k + 2]! : middle;
        let i = start;
        let j = middle;
        let out = start;
        while (i < middle && j < end) target[out++] = source[i]! <= source[j]! ? source[i++]! : source[j++]!;
        while (i < middle) target[out++] = source[i++]!;
        while (j < end) target[out++] = source[j++]!;
        next.push(end);
      }
      runs = next;
      [source, target] = [target, source];
    }
    if (source !== this.values) this.values.set(source.subarray(0, this.length));
    return this.values.subarray(0, this.length);
  }
}

/**
 * Gathers the summary tables of a streamed run's chunks (in any order) and merges them at the end, in about the
 * memory of the merged tables: each chunk's sorted event times are copied into one slab per table as they arrive
 * (the chunk's own arrays are freed at once), and `finish` merges each slab's runs bottom-up with one scratch array
 * shared by all — so the run never holds the chunks' arrays and the merged arrays at the same time (with the
 * chunks' arrays in the allocator's per-thread arenas, that cost twice the tables in resident memory). The other
 * parts of the tables (counts, per-block lists, batches) are merged by {@link mergeSummaryTables}. The result equals
 * `mergeSummaryTables(chunks)` exactly (a merge of sorted runs does not depend on their order). O(total × log chunks).
 */
export class SummaryTablesCollector {
  private readonly parts: SummaryTables[] = [];
  private slabs: Slab[] | null = null;

  /** `patients`: the run's size (each slab's capacity; untouched capacity costs no resident memory). */
  constructor(private readonly patients: number) {}

  /** Takes a chunk's tables: its event times are copied into the slabs and emptied in the chunk. */
  add(part: SummaryTables): void {
    const times = eventTimesOf(part);
    if (this.slabs === null) this.slabs = times.flatMap(() => [new Slab(this.patients), new Slab(this.patients)]);
    times.forEach((t, k) => {
      this.slabs![2 * k]!.add(t.events);
      this.slabs![2 * k + 1]!.add(t.censored);
      const mutable = t as Mutable<EventTimes>;
      mutable.events = new Float64Array(0);
      mutable.censored = new Float64Array(0);
    });
    this.parts.push(part);
  }

  /** The merged tables of every chunk added. */
  finish(): SummaryTables {
    const merged = mergeSummaryTables(this.parts);
    if (this.slabs === null) return merged;
    const scratch = new Float64Array(this.slabs.reduce((m, s) => Math.max(m, s.length), 0));
    eventTimesOf(merged).forEach((t, k) => {
      const mutable = t as Mutable<EventTimes>;
      mutable.events = this.slabs![2 * k]!.finish(scratch);
      mutable.censored = this.slabs![2 * k + 1]!.finish(scratch);
    });
    this.slabs = null;
    return merged;
  }
}

/** Every EventTimes object of a summary's tables, in a fixed order. */
function eventTimesOf(tables: SummaryTables): EventTimes[] {
  const list: EventTimes[] = [];
  for (const s of tables.perStrategy) list.push(s.pfs, s.os);
  for (const c of tables.comparisons) if (c !== null) list.push(c.pfs.changedReference, c.pfs.changedStrategy, c.os.changedReference, c.os.changedStrategy);
  return list;
}
