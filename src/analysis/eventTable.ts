/**
 * The event table: every estimator in `src/analysis` is built on it (lifelines' habit). The distinct
 * times are sorted once; for each stratum, each distinct time (event or censoring) becomes one row with, per group,
 * the number at risk just before that time, the events and the censorings at it. At tied times events
 * count before censorings, as in R's survival: a subject censored at t is still at risk for the events at t.
 *
 *   time, event, group, strata ─▶ validate ─▶ distinct (stratum, time) pairs by hashing ─▶ sort them
 *   per stratum ─▶ row of each subject ─▶ counts per (row, group) ─▶ numbers at risk (cumulative from the end)
 *
 * Runs in O(n + m log m) for n subjects and m distinct times (at worst O(n log n)): distinct times are
 * found by hashing and only they are sorted, natively as a Float64Array. Browser-safe (no Node APIs).
 */
export interface EventTable {
  /** Number of subjects. */
  readonly n: number;
  /** Group labels in level order (see {@link labelLevels}); `["all"]` without groups. */
  readonly groups: readonly string[];
  /** Stratum labels in level order; `["all"]` without strata. */
  readonly strata: readonly string[];
  /** Distinct times, ascending within each stratum block. */
  readonly time: Float64Array;
  /** Stratum `s` owns rows `stratumStart[s]` to `stratumStart[s + 1] - 1`; length `strata.length + 1`. */
  readonly stratumStart: Int32Array;
  /** Number at risk just before each row's time, per group: index `row * groups.length + group`. */
  readonly nRisk: Float64Array;
  /** Events at each row's time, per group (same indexing). */
  readonly nEvent: Float64Array;
  /** Censorings at each row's time, per group (same indexing). */
  readonly nCensor: Float64Array;
  /** For each subject (input order), its row. */
  readonly row: Int32Array;
  /** For each subject, the index of its group in `groups`. */
  readonly groupIndex: Int32Array;
  /** For each subject, the index of its stratum in `strata`. */
  readonly stratumIndex: Int32Array;
}

/** A group or stratum label as given by the caller. */
export type Label = string | number | boolean;

export interface EventTableOptions {
  /** A group label per subject (e.g. treatment arm). */
  readonly group?: ArrayLike<Label>;
  /** A stratum label per subject; tables are built separately within each stratum. */
  readonly strata?: ArrayLike<Label>;
  /** Treat times closer than sqrt(machine epsilon) as tied, as R's survival does by default (`timefix = TRUE`, `aeqSurv`); default true. */
  readonly timefix?: boolean;
  /** Level order for the groups (all labels must appear); default {@link labelLevels}. */
  readonly groupLevels?: readonly string[];
}

/**
 * Builds the event table of right-censored data: `time[i]` is the follow-up time of subject i (finite),
 * `event[i]` is 1 (or true) for an event and 0 (or false) for a censoring.
 *
 * Throws a RangeError naming the first bad entry, e.g. `eventTable: event[3] must be 0 or 1, got 2`.
 */
export function eventTable(time: ArrayLike<number>, event: ArrayLike<number | boolean>, options: EventTableOptions = {}): EventTable {
  const n = time.length;
  const status = validateSurvivalData("eventTable", time, event);
  const groupCoding = codeLabels("eventTable", "group", options.group, n, options.groupLevels);
  const strataCoding = codeLabels("eventTable", "strata", options.strata, n);
  return eventTableCore(time, status, groupCoding.index, groupCoding.levels, strataCoding.index, strataCoding.levels, options.timefix ?? true);
}

/**
 * Checks times and events once at the edge; returns the events as a Uint8Array of 0/1.
 * Times must be finite numbers (R's survival allows negative times; so do we).
 */
export function validateSurvivalData(caller: string, time: ArrayLike<number>, event: ArrayLike<number | boolean>): Uint8Array {
  if (time.length !== event.length) throw new RangeError(`${caller}: time and event must have the same length, got ${time.length} and ${event.length}`);
  const n = time.length;
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (typeof t !== "number" || !Number.isFinite(t)) throw new RangeError(`${caller}: time[${i}] must be a finite number, got ${String(t)}`);
    const e = event[i];
    if (e === 1 || e === true) status[i] = 1;
    else if (e !== 0 && e !== false) throw new RangeError(`${caller}: event[${i}] must be 0 or 1, got ${String(e)}`);
  }
  return status;
}

/**
 * The level order of labels, as R orders factor levels: numerically when every label is a number,
 * otherwise by string comparison (code units, as R in the C locale).
 */
export function labelLevels(labels: Iterable<Label>): string[] {
  const distinct = new Map<string, Label>();
  for (const label of labels) {
    const key = String(label);
    if (!distinct.has(key)) distinct.set(key, label);
  }
  const entries = [...distinct.entries()];
  if (entries.every(([, value]) => typeof value === "number")) {
    entries.sort((a, b) => (a[1] as number) - (b[1] as number));
  } else {
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  return entries.map(([key]) => key);
}

/** Codes labels to indices 0..k-1 in level order; without labels, everything is level "all". */
export function codeLabels(
  caller: string,
  what: string,
  labels: ArrayLike<Label> | undefined,
  n: number,
  levelOrder?: readonly string[],
): { index: Int32Array; levels: string[] } {
  const index = new Int32Array(n);
  if (labels === undefined) return { index, levels: ["all"] };
  if (labels.length !== n) throw new RangeError(`${caller}: ${what} must have one label per subject (${n}), got ${labels.length}`);
  const raw = new Map<Label, number>();
  const first: Label[] = [];
  const code = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = labels[i] as Label;
    if (label === undefined || label === null || (typeof label === "number" && Number.isNaN(label))) {
      throw new RangeError(`${caller}: ${what}[${i}] is missing`);
    }
    let k = raw.get(label);
    if (k === undefined) {
      k = first.length;
      raw.set(label, k);
      first.push(label);
    }
    code[i] = k;
  }
  let levels: string[];
  if (levelOrder !== undefined) {
    levels = [...levelOrder];
    const known = new Set(levels);
    for (const label of first) if (!known.has(String(label))) throw new RangeError(`${caller}: ${what} label '${String(label)}' is not among the given levels`);
  } else {
    levels = labelLevels(first);
  }
  const position = new Map(levels.map((level, i) => [level, i]));
  const rawToLevel = new Int32Array(first.length);
  for (let k = 0; k < first.length; k++) rawToLevel[k] = position.get(String(first[k]))!;
  for (let i = 0; i < n; i++) index[i] = rawToLevel[code[i]!]!;
  return { index, levels };
}

/**
 * The bare numeric core of {@link eventTable}: inputs already validated and coded.
 *
 * Distinct (stratum, time) pairs are found with an open-addressing hash on the bits of the time, so only
 * the m distinct times are sorted (natively, as a Float64Array): O(n + m log m), which is O(n log n) at
 * worst and much less with ties.
 */
export function eventTableCore(
  time: ArrayLike<number>,
  status: Uint8Array,
  groupIndex: Int32Array,
  groups: readonly string[],
  stratumIndex: Int32Array,
  strata: readonly string[],
  timefix = true,
): EventTable {
  const n = time.length;
  const groupCount = groups.length;
  const strataCount = strata.length;
  // 1. Distinct (stratum, time) pairs by hashing; each subject gets the id of its pair. The slot is the top bits
  // of the mixed hash, so every slot of a table of any size (up to 2^31) is reachable: a fixed shift followed by a
  // mask (the old `>>> 7 & mask`) never reached slots above 2^25 and turned probing quadratic past 33.5 M
  // distinct times (issue 20, item 5).
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = time[i]! + 0; // + 0 turns -0 into 0
  const bits = new Uint32Array(values.buffer);
  let capacity = 16;
  let shift = 28; // slot = the top log2(capacity) bits of the 32-bit mixed hash (Fibonacci hashing)
  while (capacity < 2 * n) {
    capacity *= 2;
    shift--;
  }
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1); // id of the pair in the slot
  const idTime = new Float64Array(n);
  const idStratum = new Int32Array(n);
  const subjectId = new Int32Array(n);
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const t = values[i]!;
    const s = stratumIndex[i]!;
    let slot = Math.imul(bits[2 * i]! ^ Math.imul(bits[2 * i + 1]!, 0x9e3779b1) ^ Math.imul(s, 0x85ebca6b), 0x27d4eb2f) >>> shift;
    for (;;) {
      const id = slots[slot]!;
      if (id < 0) {
        slots[slot] = distinct;
        idTime[distinct] = t;
        idStratum[distinct] = s;
        subjectId[i] = distinct++;
        break;
      }
      if (idTime[id] === t && idStratum[id] === s) {
        subjectId[i] = id;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  // 2. Sort the distinct times within each stratum; the row of an id is its rank in its stratum block.
  const stratumStart = new Int32Array(strataCount + 1);
  for (let id = 0; id < distinct; id++) stratumStart[idStratum[id]! + 1]! += 1;
  for (let s = 0; s < strataCount; s++) stratumStart[s + 1]! += stratumStart[s]!;
  const sorted = new Float64Array(distinct);
  const fill = stratumStart.slice(0, strataCount);
  for (let id = 0; id < distinct; id++) sorted[fill[idStratum[id]!]!++] = idTime[id]!;
  for (let s = 0; s < strataCount; s++) sorted.subarray(stratumStart[s]!, stratumStart[s + 1]!).sort();
  const sortedBits = new Uint32Array(sorted.buffer);
  const rowOfId = new Int32Array(distinct);
  for (let s = 0; s < strataCount; s++) {
    for (let r = stratumStart[s]!; r < stratumStart[s + 1]!; r++) {
      const t = sorted[r]!;
      let slot = Math.imul(sortedBits[2 * r]! ^ Math.imul(sortedBits[2 * r + 1]!, 0x9e3779b1) ^ Math.imul(s, 0x85ebca6b), 0x27d4eb2f) >>> shift;
      for (;;) {
        const id = slots[slot]!;
        if (idTime[id] === t && idStratum[id] === s) {
          rowOfId[id] = r;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  // 2b. As R's timefix (aeqSurv): times closer than sqrt(machine epsilon), absolutely or relative to the
  // mean absolute distinct time, are one time, the first of their cluster.
  let times: Float64Array = sorted;
  let rows = distinct;
  if (timefix && distinct > 1) {
    const merged = aequateRows(sorted, stratumStart);
    if (merged !== null) {
      times = merged.time;
      rows = times.length;
      for (let id = 0; id < distinct; id++) rowOfId[id] = merged.rowOf[rowOfId[id]!]!;
      stratumStart.set(merged.stratumStart);
    }
  }
  // 3. Row of each subject, and counts per (row, group).
  const row = new Int32Array(n);
  const nEvent = new Float64Array(rows * groupCount);
  const nCensor = new Float64Array(rows * groupCount);
  for (let i = 0; i < n; i++) {
    const r = rowOfId[subjectId[i]!]!;
    row[i] = r;
    const cell = r * groupCount + groupIndex[i]!;
    if (status[i] === 1) nEvent[cell]! += 1;
    else nCensor[cell]! += 1;
  }
  // 4. Numbers at risk: those with time ≥ t in the same stratum.
  const nRisk = new Float64Array(rows * groupCount);
  for (let s = 0; s < strataCount; s++) {
    for (let g = 0; g < groupCount; g++) {
      let atRisk = 0;
      for (let r = stratumStart[s + 1]! - 1; r >= stratumStart[s]!; r--) {
        const cell = r * groupCount + g;
        atRisk += nEvent[cell]! + nCensor[cell]!;
        nRisk[cell] = atRisk;
      }
    }
  }
  return { n, groups, strata, time: times, stratumStart, nRisk, nEvent, nCensor, row, groupIndex, stratumIndex };
}

const timefixTolerance = Math.sqrt(2.220446049250313e-16);

/**
 * R survival's `aeqSurv` on the sorted distinct times of each stratum block: over the distinct times
 * of all strata, neighbours whose gap is ≤ sqrt(eps) or ≤ sqrt(eps) × mean |time| are tied, and every
 * time becomes the first of its chain of ties. Returns null when nothing is tied (the usual case), else
 * the merged rows and, for each old row, its new row. Runs in O(m) for one stratum, O(m log m) for several.
 */
export function aequateRows(
  sorted: Float64Array,
  stratumStart: Int32Array,
): { time: Float64Array; rowOf: Int32Array; stratumStart: Int32Array } | null {
  const strataCount = stratumStart.length - 1;
  let unique = sorted;
  if (strataCount > 1) {
    const all = sorted.slice().sort();
    let k = 0;
    for (let i = 0; i < all.length; i++) if (k === 0 || all[k - 1] !== all[i]) all[k++] = all[i]!;
    unique = all.subarray(0, k);
  }
  let sumAbs = 0;
  for (let i = 0; i < unique.length; i++) sumAbs += Math.abs(unique[i]!);
  let meanAbs = sumAbs / unique.length;
  if (sumAbs === Infinity) {
    // Times near the largest double: the sum overflows (R's mean, accumulating in long double, does not).
    // Average the scaled values instead, so that gaps are still compared with a finite mean.
    meanAbs = 0;
    for (let i = 0; i < unique.length; i++) meanAbs += Math.abs(unique[i]!) / unique.length;
  }
  let anyTied = false;
  const representative = new Float64Array(unique.length);
  representative[0] = unique[0]!;
  for (let i = 1; i < unique.length; i++) {
    const gap = unique[i]! - unique[i - 1]!;
    const tied = gap <= timefixTolerance || gap / meanAbs <= timefixTolerance;
    if (tied) anyTied = true;
    representative[i] = tied ? representative[i - 1]! : unique[i]!;
  }
  if (!anyTied) return null;
  const rowOf = new Int32Array(sorted.length);
  const time: number[] = [];
  const newStart = new Int32Array(strataCount + 1);
  for (let s = 0; s < strataCount; s++) {
    newStart[s] = time.length;
    let u = 0;
    for (let r = stratumStart[s]!; r < stratumStart[s + 1]!; r++) {
      while (unique[u]! < sorted[r]!) u++; // both ascending within the block
      const t = representative[u]!;
      if (time.length === newStart[s] || time[time.length - 1] !== t) time.push(t);
      rowOf[r] = time.length - 1;
    }
  }
  newStart[strataCount] = time.length;
  return { time: Float64Array.from(time), rowOf, stratumStart: newStart };
}
