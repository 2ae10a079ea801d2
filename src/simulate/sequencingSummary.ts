import { cohortBlockSize } from "../cohort/generateCohort.js";
import { Grades } from "../cohort/Patient.js";
import { treatmentOutcomeSources } from "./outcomeSources.js";
import type { SimulationResult } from "./simulate.js";

/** A rank correlation estimated block by block (see {@link sequencingSummary}). */
export interface BlockSpearman {
  /** Σ_b n_b·ρ_b / Σ_b n_b over blocks (and, within grade, over grade-by-block cells) with at least 3 pairs; null without any. */
  readonly estimate: number | null;
  /** Pairs used: patients who started line 2. */
  readonly pairs: number;
}

/** The sequencing facts of one strategy. */
export interface StrategySequencing {
  readonly strategy: string;
  /** `lineShares[k − 1]`: share of patients who started at least k lines of treatment (k = 1 … 6). */
  readonly lineShares: readonly number[];
  /** Spearman correlation of the durations of line 1 and line 2 (before censoring), all patients and within grade. */
  readonly line1Line2Spearman: { readonly overall: BlockSpearman; readonly withinGrade: BlockSpearman };
}

/** What summary.json says about the outcome model's structure and evidence, and the sequencing of every strategy. */
export interface SequencingSummary {
  readonly structure: "sequencing" | "sum-of-lines";
  /** Evidence set per treatment whose PFS has a choice, and overall: "review", "trials" or "mixed". */
  readonly evidence: { readonly set: "review" | "trials" | "mixed"; readonly treatments: Readonly<Record<string, "review" | "trials">> };
  /** The life table of deaths from other causes (sequencing structure), else null. */
  readonly lifeTable: string | null;
  readonly strategies: readonly StrategySequencing[];
  /** How the correlation is computed, in words, for the reader of summary.json. */
  readonly method: string;
}

export const maximumReportedLines = 6;

/** Spearman's ρ of pairs (x, y): Pearson correlation of their ranks, ties given their average rank. O(n log n). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  const rank = (v: ArrayLike<number>) => {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => v[a] - v[b] || a - b);
    const r = new Float64Array(n);
    for (let i = 0; i < n; ) {
      let j = i;
      while (j + 1 < n && v[order[j + 1]] === v[order[i]]) j++;
      const average = (i + j) / 2 + 1;
      for (let k = i; k <= j; k++) r[order[k]] = average;
      i = j + 1;
    }
    return r;
  };
  const rx = rank(x);
  const ry = rank(y);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) ** 2;
    syy += (ry[i] - mean) ** 2;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

const round = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(4)));

/**
 * The sequencing part of summary.json (issue 11): for each strategy the share of patients starting each line, and
 * the Spearman correlation of the durations of lines 1 and 2 (uncensored, among patients who started line 2).
 *
 * Block-mergeable by construction: the correlation is computed within each block of 4,096 patients (the blocks
 * of the simulation's random sub-streams) and the block values are averaged weighted by their numbers of pairs,
 * accumulated in block order — so a run split into shards of whole blocks (issue 15) gives the same number to the
 * last bit, and the line shares are counts. Within grade: the same over grade-by-block cells, so that the grade
 * mix does not create the correlation. This estimates the cohort's Spearman ρ without its cross-block pairs; with
 * thousands of pairs per block the difference is far below the Monte Carlo error. O(n log n).
 */
export function sequencingSummary(result: SimulationResult): SequencingSummary {
  const model = result.model;
  const treatments: Record<string, "review" | "trials"> = {};
  for (const [id, t] of Object.entries(model.parameters.treatments)) if (treatmentOutcomeSources[id]?.trialPfsMedian !== undefined) treatments[id] = t.evidence;
  const sets = new Set(Object.values(treatments));
  const set = sets.size === 1 ? [...sets][0] : sets.has("trials") ? "mixed" : "review";
  const grade = result.cohort.grade;
  const strategies = result.strategies.map((strategy, s): StrategySequencing => {
    const o = result.outcomes[s];
    const counts = new Array<number>(maximumReportedLines).fill(0);
    for (let i = 0; i < result.n; i++) for (let k = 0; k < maximumReportedLines && k < o.linesStarted[i]; k++) counts[k]++;
    let overallSum = 0;
    let overallPairs = 0;
    let gradeSum = 0;
    let gradePairs = 0;
    let pairs = 0;
    for (let start = 0; start < result.n; start += cohortBlockSize) {
      const end = Math.min(result.n, start + cohortBlockSize);
      const cells: { x: number[]; y: number[] }[] = Grades.map(() => ({ x: [], y: [] }));
      const all = { x: [] as number[], y: [] as number[] };
      for (let i = start; i < end; i++) {
        const line2 = o.line2Months[i];
        if (Number.isNaN(line2)) continue;
        all.x.push(o.line1Months[i]);
        all.y.push(line2);
        cells[grade[i]].x.push(o.line1Months[i]);
        cells[grade[i]].y.push(line2);
      }
      pairs += all.x.length;
      if (all.x.length >= 3) {
        const rho = spearman(all.x, all.y);
        if (Number.isFinite(rho)) {
          overallSum += all.x.length * rho;
          overallPairs += all.x.length;
        }
      }
      for (const cell of cells) {
        if (cell.x.length < 3) continue;
        const rho = spearman(cell.x, cell.y);
        if (!Number.isFinite(rho)) continue;
        gradeSum += cell.x.length * rho;
        gradePairs += cell.x.length;
      }
    }
    return {
      strategy,
      lineShares: counts.map((c) => round(c / result.n)!),
      line1Line2Spearman: {
        overall: { estimate: overallPairs === 0 ? null : round(overallSum / overallPairs), pairs },
        withinGrade: { estimate: gradePairs === 0 ? null : round(gradeSum / gradePairs), pairs },
      },
    };
  });
  return {
    structure: model.structure,
    evidence: { set, treatments },
    lifeTable: model.sequencing?.background.tableId ?? null,
    strategies,
    method:
      "lineShares[k-1]: share of patients starting at least k lines. Spearman correlation of the durations of lines 1 and 2 (simulated, before censoring) among patients who started line 2, computed within each block of 4,096 patients (and within grade in each block) and averaged over blocks weighted by pairs, in block order: exactly reproducible when a run is split into blocks.",
  };
}
