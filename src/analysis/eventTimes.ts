/**
 * The mergeable form of an event table (issue 18): one group's event times and censoring times, each sorted
 * ascending with repeats kept. It is the event table without its run lengths — the distinct times, events and
 * censorings at each and the numbers at risk follow in one pass ({@link eventTableFromTimes}) — and it merges
 * exactly: the merge of two shards' times is the times of the union of their patients, whatever the split, so a
 * summary computed from merged times equals the single-process one to the last bit. 8 bytes per patient.
 */
export interface EventTimes {
  /** Times of the observed events, ascending (−0 stored as 0). */
  readonly events: Float64Array;
  /** Times of the censorings, ascending. */
  readonly censored: Float64Array;
}

/**
 * The event times of the subjects `from` ≤ i < `to` (those `keep` selects, when given) of a time column and its
 * status column (1 event, 0 censored): copied into two typed arrays and sorted natively (no comparator callback,
 * no per-row allocation). Inputs are not checked (the numeric core: times must be finite). O(k log k) for k
 * subjects.
 */
export function eventTimes(time: ArrayLike<number>, status: ArrayLike<number>, from = 0, to = time.length, keep: ArrayLike<number> | null = null): EventTimes {
  let eventCount = 0;
  let censorCount = 0;
  for (let i = from; i < to; i++) {
    if (keep !== null && keep[i] !== 1) continue;
    if (status[i] === 1) eventCount++;
    else censorCount++;
  }
  const events = new Float64Array(eventCount);
  const censored = new Float64Array(censorCount);
  let e = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    if (keep !== null && keep[i] !== 1) continue;
    const t = time[i]! + 0; // + 0 turns −0 into 0
    if (status[i] === 1) events[e++] = t;
    else censored[c++] = t;
  }
  events.sort();
  censored.sort();
  return { events, censored };
}

/** Merges two ascending arrays into one (repeats kept). O(a + b). */
export function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a.slice();
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * The event times of the union of several groups of subjects (shards of one run): a pairwise merge tree over the
 * parts, O(k log p) for k subjects in p parts. Exact — the result does not depend on how the subjects were split.
 * With `consume`, the parts' arrays are taken out of them (each part is left with empty arrays) and dropped level by
 * level as the tree is merged, so that merging a 10 M-patient run costs one array's size beyond the data, not twice
 * the data.
 */
export function mergeEventTimes(parts: readonly EventTimes[], options: { readonly consume?: boolean } = {}): EventTimes {
  const take = (which: "events" | "censored"): Float64Array[] => {
    const list = parts.map((p) => p[which]);
    if (options.consume === true) for (const p of parts) (p as { -readonly [K in keyof EventTimes]: EventTimes[K] })[which] = new Float64Array(0);
    return list;
  };
  const events = mergeArrays(take("events"), options.consume === true);
  const censored = mergeArrays(take("censored"), options.consume === true);
  return { events, censored };
}

/** Merges ascending arrays pairwise, level by level, replacing the list's entries as it goes (so merged-away arrays can be freed). */
function mergeArrays(list: Float64Array[], owned: boolean): Float64Array {
  if (list.length === 0) return new Float64Array(0);
  if (list.length === 1) return owned ? list[0]! : list[0]!.slice();
  while (list.length > 1) {
    const next: Float64Array[] = [];
    for (let i = 0; i < list.length; i += 2) {
      next.push(i + 1 < list.length ? mergeSorted(list[i]!, list[i + 1]!) : list[i]!);
      list[i] = new Float64Array(0);
      if (i + 1 < list.length) list[i + 1] = new Float64Array(0);
    }
    list.splice(0, list.length, ...next);
  }
  return list[0]!;
}
