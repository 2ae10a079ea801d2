import { type EventTimes, eventTimes, mergeEventTimes } from "../analysis/eventTimes.js";
import { cohortBlockSize } from "../cohort/generateCohort.js";
import { Grades } from "../cohort/Patient.js";
import { type ComparisonBatch, comparisonBatches } from "./comparisonBatches.js";
import { compilePathway } from "./compilePathway.js";
import type { OutcomeModel } from "./OutcomeModel.js";
import { spearman } from "./spearman.js";
import type { StrategyColumns } from "./simulateRange.js";

/**
 * Everything the summary of a run (summary.json: src/simulate `summariseTables`) needs, for a range of whole
 * blocks of patients, in a form that merges exactly (issue 18, for shards and workers: issue 15):
 * - per strategy and endpoint, the sorted event and censoring times ({@link EventTimes}, the mergeable event
 *   table) — Kaplan–Meier medians and landmarks, and with the reference's the strategy-as-factor Cox model;
 * - per strategy, pathway counts by label, counts of lines started, and the per-block Spearman correlations;
 * - per strategy compared with the reference, the counts of patients whose pathway / outcome model differs, the
 *   first swapped treatment pairs, the event times of the patients it changes under both strategies, and the
 *   Monte Carlo batches ({@link comparisonBatches}) of all patients and of those it changes.
 * Counts add, event times merge and per-block lists concatenate in block order, so
 * `summariseTables(mergeSummaryTables(parts))` is byte-identical to the summary of the whole run in one process.
 * Plain data (typed arrays, arrays, numbers): it can cross a worker boundary or be written by a shard.
 */
export interface SummaryTables {
  /** First patient (a multiple of the 4,096-patient block). */
  readonly first: number;
  /** Patients covered: [first, first + n). */
  readonly n: number;
  readonly strategies: readonly string[];
  readonly referenceStrategy: string;
  /** One entry per strategy, in `strategies` order. */
  readonly perStrategy: readonly StrategyTables[];
  /** One entry per strategy, in `strategies` order; null for the reference. */
  readonly comparisons: readonly (ComparisonTables | null)[];
}

/** The mergeable tables of one strategy. */
export interface StrategyTables {
  readonly pfs: EventTimes;
  readonly os: EventTimes;
  /** Patients per pathway label, ascending by label. */
  readonly pathways: readonly { readonly pathway: string; readonly count: number }[];
  /** `linesStarted[k − 1]`: patients who started at least k lines (k = 1 … 6). */
  readonly linesStarted: readonly number[];
  /**
   * Per block, in block order, {@link spearmanBlockWidth} numbers: pairs (patients who started line 2) and
   * Spearman's ρ of the block (NaN when under 3 pairs or undefined), then the same for each grade in `Grades` order.
   */
  readonly spearmanBlocks: Float64Array;
}

/** One endpoint of a comparison's tables. */
export interface ComparisonEndpointTables {
  /** Event times, under the reference and under the strategy, of the patients whose outcome model differs. */
  readonly changedReference: EventTimes;
  readonly changedStrategy: EventTimes;
  /** Batches of all patients, in block order. */
  readonly batches: readonly ComparisonBatch[];
  /** Batches of the patients whose outcome model differs, in block order. */
  readonly changedBatches: readonly ComparisonBatch[];
}

/** The mergeable tables of one strategy against the reference. */
export interface ComparisonTables {
  /** Patients whose pathway differs from the reference's. */
  readonly pathwayDiffers: number;
  /** Patients whose pathway differs in a way the outcome model sees. */
  readonly modelDiffers: number;
  /**
   * The swapped treatment pairs (`reference|strategy`) of the patients, in patient order, who brought a new pair
   * while fewer than 20 were known: enough to replay the first 20 pairs of the whole run exactly.
   */
  readonly swaps: readonly (readonly string[])[];
  readonly pfs: ComparisonEndpointTables;
  readonly os: ComparisonEndpointTables;
}

/** Numbers per block in {@link StrategyTables.spearmanBlocks}: pairs and ρ, overall and per grade. */
export const spearmanBlockWidth = 2 + 2 * Grades.length;

/** The swapped pairs kept: as many as `strategyComparisons` reports. */
const swapLimit = 20;

/** A range of patients of a run: its columns (patient first + i at index i; only the first `count` entries are read). */
export interface SummaryRange {
  readonly first: number;
  readonly count: number;
  readonly grade: ArrayLike<number>;
  readonly outcomes: readonly StrategyColumns[];
  /** The labels the range's pathway codes index. */
  readonly pathwayLabels: readonly string[];
}

/** The label of a compiled pathway's outcome model: its lines' PFS scales and debulking flags (pathways with equal signatures give equal outcomes). */
export function pathwaySignature(label: string, model: OutcomeModel): string {
  const steps = label === "" ? [] : label.split(">").flatMap((line, index) => line.split("+").map((treatment) => ({ treatment, line: index + 1 })));
  const compiled = compilePathway(steps, model);
  return Array.from(compiled.episodes, (e, j) => `${model.pfsScale[e]}${compiled.debulking[j] === 1 ? "d" : ""}`).join(">");
}

/** The per-strategy tables of a range (event times, pathways, lines, per-block Spearman). O(count log count). */
export function strategyTables(range: SummaryRange, s: number): StrategyTables {
  const o = range.outcomes[s]!;
  const count = range.count;
  const pathwayCounts = new Float64Array(range.pathwayLabels.length);
  for (let i = 0; i < count; i++) pathwayCounts[o.pathway[i]!]! += 1;
  const pathways: { pathway: string; count: number }[] = [];
  range.pathwayLabels.forEach((pathway, code) => {
    if (pathwayCounts[code]! > 0) pathways.push({ pathway, count: pathwayCounts[code]! });
  });
  pathways.sort((a, b) => (a.pathway < b.pathway ? -1 : a.pathway > b.pathway ? 1 : 0));
  const linesStarted = new Array<number>(6).fill(0);
  for (let i = 0; i < count; i++) for (let k = 0; k < 6 && k < o.linesStarted[i]!; k++) linesStarted[k]!++;
  const blocks = Math.ceil(count / cohortBlockSize);
  const spearmanBlocks = new Float64Array(blocks * spearmanBlockWidth);
  for (let b = 0; b < blocks; b++) {
    const start = b * cohortBlockSize;
    const end = Math.min(count, start + cohortBlockSize);
    const cells: { x: number[]; y: number[] }[] = Grades.map(() => ({ x: [], y: [] }));
    const all = { x: [] as number[], y: [] as number[] };
    for (let i = start; i < end; i++) {
      const line2 = o.line2Months[i]!;
      if (Number.isNaN(line2)) continue;
      all.x.push(o.line1Months[i]!);
      all.y.push(line2);
      cells[range.grade[i]!]!.x.push(o.line1Months[i]!);
      cells[range.grade[i]!]!.y.push(line2);
    }
    const at = b * spearmanBlockWidth;
    spearmanBlocks[at] = all.x.length;
    spearmanBlocks[at + 1] = all.x.length >= 3 ? spearman(all.x, all.y) : NaN;
    cells.forEach((cell, g) => {
      spearmanBlocks[at + 2 + 2 * g] = cell.x.length;
      spearmanBlocks[at + 3 + 2 * g] = cell.x.length >= 3 ? spearman(cell.x, cell.y) : NaN;
    });
  }
  return {
    pfs: eventTimes(o.pfsMonths, o.pfsEvent, 0, count),
    os: eventTimes(o.osMonths, o.osEvent, 0, count),
    pathways,
    linesStarted,
    spearmanBlocks,
  };
}

/** The tables of strategy `s` against the reference strategy `referenceIndex` over a range. O(count log count). */
export function comparisonTables(range: SummaryRange, referenceIndex: number, s: number, model: OutcomeModel): ComparisonTables {
  const count = range.count;
  const reference = range.outcomes[referenceIndex]!;
  const other = range.outcomes[s]!;
  const signatures = new Map<number, string>();
  const signature = (code: number) => {
    let found = signatures.get(code);
    if (found === undefined) {
      found = pathwaySignature(range.pathwayLabels[code] ?? "", model);
      signatures.set(code, found);
    }
    return found;
  };
  const modelDiffersMask = new Uint8Array(count);
  let pathwayDiffers = 0;
  let modelDiffers = 0;
  const known = new Set<string>();
  const swaps: string[][] = [];
  for (let i = 0; i < count; i++) {
    const a = reference.pathway[i]!;
    const b = other.pathway[i]!;
    if (a === b) continue;
    pathwayDiffers++;
    if (signature(a) !== signature(b)) {
      modelDiffersMask[i] = 1;
      modelDiffers++;
    } else if (known.size < swapLimit) {
      const left = (range.pathwayLabels[a] ?? "").split(/[>+]/);
      const right = (range.pathwayLabels[b] ?? "").split(/[>+]/);
      const keys: string[] = [];
      for (let k = 0; k < Math.min(left.length, right.length); k++) if (left[k] !== right[k]) keys.push(`${left[k]}|${right[k]}`);
      if (keys.some((key) => !known.has(key))) {
        swaps.push(keys);
        for (const key of keys) known.add(key);
      }
    }
  }
  const endpoint = (which: "pfs" | "os"): ComparisonEndpointTables => {
    const ref = which === "pfs" ? { time: reference.pfsMonths, event: reference.pfsEvent } : { time: reference.osMonths, event: reference.osEvent };
    const oth = which === "pfs" ? { time: other.pfsMonths, event: other.pfsEvent } : { time: other.osMonths, event: other.osEvent };
    return {
      changedReference: eventTimes(ref.time, ref.event, 0, count, modelDiffersMask),
      changedStrategy: eventTimes(oth.time, oth.event, 0, count, modelDiffersMask),
      batches: comparisonBatches(ref, oth, 0, count),
      changedBatches: comparisonBatches(ref, oth, 0, count, modelDiffersMask),
    };
  };
  return { pathwayDiffers, modelDiffers, swaps, pfs: endpoint("pfs"), os: endpoint("os") };
}

/**
 * The summary tables of a range of patients of a run (`range.first` a multiple of 4,096): see {@link SummaryTables}.
 * Browser-safe. O(strategies × count log count).
 */
export function summaryTables(range: SummaryRange, strategies: readonly string[], referenceStrategy: string, model: OutcomeModel): SummaryTables {
  if (range.first % cohortBlockSize !== 0) throw new RangeError(`summaryTables: first (${range.first}) must be a multiple of ${cohortBlockSize}`);
  const referenceIndex = strategies.indexOf(referenceStrategy);
  return {
    first: range.first,
    n: range.count,
    strategies,
    referenceStrategy,
    perStrategy: strategies.map((_, s) => strategyTables(range, s)),
    comparisons: strategies.map((_, s) => (s === referenceIndex ? null : comparisonTables(range, referenceIndex, s, model))),
  };
}

/**
 * Merges the tables of ranges that together cover [first, first + n) without gaps or overlaps (in any order):
 * counts add, event times merge (a pairwise merge tree), pathway counts add by label, per-block lists and batches
 * concatenate in block order, and the swapped pairs are replayed in patient order. Exact: the result equals the
 * tables of the whole range. With `consume` the parts' event times are moved into the result (the parts are left
 * empty), so a streamed run's merge needs little beyond its tables (src/analysis `mergeEventTimes`). O(total size ×
 * log parts).
 */
export function mergeSummaryTables(parts: readonly SummaryTables[], options: { readonly consume?: boolean } = {}): SummaryTables {
  if (parts.length === 0) throw new RangeError("mergeSummaryTables requires at least one part");
  const ordered = [...parts].sort((a, b) => a.first - b.first);
  const head = ordered[0]!;
  for (let k = 1; k < ordered.length; k++) {
    const before = ordered[k - 1]!;
    const part = ordered[k]!;
    if (before.first + before.n !== part.first) throw new RangeError(`mergeSummaryTables: parts must be contiguous, got [${before.first}, ${before.first + before.n}) then a part starting at ${part.first}`);
    if (before.n % cohortBlockSize !== 0) throw new RangeError(`mergeSummaryTables: only the last part may end inside a block; the part at ${before.first} has ${before.n} patients`);
    if (part.strategies.join("\n") !== head.strategies.join("\n") || part.referenceStrategy !== head.referenceStrategy) throw new RangeError("mergeSummaryTables: parts have different strategies");
  }
  if (ordered.length === 1) return head;
  const last = ordered[ordered.length - 1]!;
  const perStrategy = head.strategies.map((_, s): StrategyTables => {
    const each = ordered.map((p) => p.perStrategy[s]!);
    const pathwayCounts = new Map<string, number>();
    for (const t of each) for (const { pathway, count } of t.pathways) pathwayCounts.set(pathway, (pathwayCounts.get(pathway) ?? 0) + count);
    const spearmanBlocks = new Float64Array(each.reduce((sum, t) => sum + t.spearmanBlocks.length, 0));
    let at = 0;
    for (const t of each) {
      spearmanBlocks.set(t.spearmanBlocks, at);
      at += t.spearmanBlocks.length;
    }
    return {
      pfs: mergeEventTimes(each.map((t) => t.pfs), options),
      os: mergeEventTimes(each.map((t) => t.os), options),
      pathways: [...pathwayCounts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([pathway, count]) => ({ pathway, count })),
      linesStarted: each[0]!.linesStarted.map((_, k) => each.reduce((sum, t) => sum + t.linesStarted[k]!, 0)),
      spearmanBlocks,
    };
  });
  const comparisons = head.comparisons.map((c, s): ComparisonTables | null => {
    if (c === null) return null;
    const each = ordered.map((p) => p.comparisons[s]!);
    const known = new Set<string>();
    const swaps: (readonly string[])[] = [];
    for (const t of each) {
      for (const keys of t.swaps) {
        if (known.size >= swapLimit) break;
        if (!keys.some((key) => !known.has(key))) continue;
        swaps.push(keys);
        for (const key of keys) known.add(key);
      }
    }
    const endpoint = (which: "pfs" | "os"): ComparisonEndpointTables => ({
      changedReference: mergeEventTimes(each.map((t) => t[which].changedReference), options),
      changedStrategy: mergeEventTimes(each.map((t) => t[which].changedStrategy), options),
      batches: each.flatMap((t) => t[which].batches),
      changedBatches: each.flatMap((t) => t[which].changedBatches),
    });
    return {
      pathwayDiffers: each.reduce((sum, t) => sum + t.pathwayDiffers, 0),
      modelDiffers: each.reduce((sum, t) => sum + t.modelDiffers, 0),
      swaps,
      pfs: endpoint("pfs"),
      os: endpoint("os"),
    };
  });
  return { first: head.first, n: last.first + last.n - head.first, strategies: head.strategies, referenceStrategy: head.referenceStrategy, perStrategy, comparisons };
}
