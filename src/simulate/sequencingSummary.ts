import { Grades } from "../cohort/Patient.js";
import { treatmentOutcomeSources } from "./outcomeSources.js";
import type { OutcomeModel } from "./OutcomeModel.js";
import type { SimulationResult } from "./simulate.js";
import { type SummaryTables, spearmanBlockWidth, strategyTables } from "./summaryTables.js";

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

export { spearman } from "./spearman.js";

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
  const range = { first: 0, count: result.n, grade: result.cohort.grade, outcomes: result.outcomes, pathwayLabels: result.pathwayLabels };
  return sequencingFromTables({ n: result.n, strategies: result.strategies, perStrategy: result.strategies.map((_, s) => strategyTables(range, s)) }, result.model);
}

/** {@link sequencingSummary} from a run's summary tables (src/simulate `summaryTables`): the same numbers, byte for byte. O(strategies × blocks). */
export function sequencingFromTables(tables: Pick<SummaryTables, "n" | "strategies" | "perStrategy">, model: OutcomeModel): SequencingSummary {
  const treatments: Record<string, "review" | "trials"> = {};
  for (const [id, t] of Object.entries(model.parameters.treatments)) if (treatmentOutcomeSources[id]?.trialPfsMedian !== undefined) treatments[id] = t.evidence;
  const sets = new Set(Object.values(treatments));
  const set = sets.size === 1 ? [...sets][0] : sets.has("trials") ? "mixed" : "review";
  const n = tables.n;
  const strategies = tables.strategies.map((strategy, s): StrategySequencing => {
    const t = tables.perStrategy[s]!;
    let overallSum = 0;
    let overallPairs = 0;
    let gradeSum = 0;
    let gradePairs = 0;
    let pairs = 0;
    const blocks = t.spearmanBlocks;
    for (let at = 0; at < blocks.length; at += spearmanBlockWidth) {
      const blockPairs = blocks[at]!;
      pairs += blockPairs;
      const rho = blocks[at + 1]!;
      if (blockPairs >= 3 && Number.isFinite(rho)) {
        overallSum += blockPairs * rho;
        overallPairs += blockPairs;
      }
      for (let g = 0; g < Grades.length; g++) {
        const cellPairs = blocks[at + 2 + 2 * g]!;
        const cellRho = blocks[at + 3 + 2 * g]!;
        if (cellPairs < 3 || !Number.isFinite(cellRho)) continue;
        gradeSum += cellPairs * cellRho;
        gradePairs += cellPairs;
      }
    }
    return {
      strategy,
      lineShares: t.linesStarted.slice(0, maximumReportedLines).map((c) => round(c / n)!),
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
