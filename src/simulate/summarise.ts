import { EventRowCursor } from "../analysis/eventRowCursor.js";
import { type KaplanMeierSummary, kaplanMeierSummary } from "../analysis/kaplanMeierSummary.js";
import type { OutcomeModel } from "./OutcomeModel.js";
import type { SimulationResult } from "./simulate.js";
import { type SequencingSummary, sequencingFromTables } from "./sequencingSummary.js";
import { type StrategyComparison, comparisonsFromTables } from "./strategyComparisons.js";
import { type SummaryTables, summaryTables } from "./summaryTables.js";

/** An estimate with its 95% confidence limits; null where it cannot be estimated (e.g. median not reached). */
export interface SummaryEstimate {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** One endpoint (PFS or OS) of one strategy. */
export interface EndpointSummary {
  readonly events: number;
  /** Kaplan–Meier median, months, with the 95% CI of R's print(survfit) (log transform). */
  readonly median: SummaryEstimate;
  /** Kaplan–Meier survival at 12, 24 and 60 months (keys are the months), with 95% CIs. */
  readonly landmarks: Readonly<Record<string, SummaryEstimate>>;
  /**
   * Hazard ratio against the reference strategy (Cox, Efron ties, the two strategies' rows pooled) with its 95%
   * Monte Carlo interval: the simulation's own randomness, paired (the same patients under both strategies), by batch
   * means — not a confidence interval for a trial (see `comparisons`: parameter uncertainty, the trial planner).
   * Null for the reference, and when no patient's simulated outcome differs (see the comparison's note).
   */
  readonly hazardRatio: { readonly estimate: number | null; readonly monteCarlo: { readonly lower: number | null; readonly upper: number | null } } | null;
}

export interface StrategySummary {
  readonly strategy: string;
  readonly n: number;
  readonly pfs: EndpointSummary;
  readonly os: EndpointSummary;
  /** The most frequent pathways: label and share of patients, at most 10. */
  readonly pathways: readonly { readonly pathway: string; readonly share: number }[];
}

export interface SimulationSummary {
  readonly scenario: string;
  readonly seed: number | string;
  readonly n: number;
  readonly referenceStrategy: string;
  readonly strategies: readonly StrategySummary[];
  /** The outcome model's structure and evidence set, the share starting each line and the line-1/line-2 PFS correlation (src/simulate sequencingSummary). */
  readonly sequencing: SequencingSummary;
  /** Each strategy against the reference: who it changes, hazard ratios and median differences with labelled uncertainty (src/simulate strategyComparisons). */
  readonly comparisons: readonly StrategyComparison[];
}

/** The landmark times of the summaries, months. */
export const landmarkMonths = [12, 24, 60] as const;

const rounded = (x: number | null, digits = 4): number | null => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

function endpoint(km: KaplanMeierSummary, hr: EndpointSummary["hazardRatio"]): EndpointSummary {
  const landmarks: Record<string, SummaryEstimate> = {};
  for (const month of landmarkMonths) {
    const k = km.at.time.indexOf(month);
    landmarks[String(month)] = k < 0 ? { estimate: null, lower: null, upper: null } : { estimate: rounded(km.at.survival[k]!), lower: rounded(km.at.lower[k]!), upper: rounded(km.at.upper[k]!) };
  }
  return {
    events: km.events,
    median: { estimate: rounded(km.median.estimate), lower: rounded(km.median.lower), upper: rounded(km.median.upper) },
    landmarks,
    hazardRatio: hr,
  };
}

/**
 * Summarises a simulation per strategy: events, Kaplan–Meier medians of PFS and OS with 95% CIs and landmark
 * survival (src/analysis, R survival compatible), hazard ratios against the reference strategy, and the most
 * frequent pathways. Numbers are rounded to 4 decimals so that summary.json is stable across platforms.
 *
 *   result ─► summaryTables (per strategy × endpoint: sorted event times; counts; batches) ─► summariseTables
 *
 * Runs in O(strategies × n log n).
 */
export function summarise(result: SimulationResult): SimulationSummary {
  const range = { first: 0, count: result.n, grade: result.cohort.grade, outcomes: result.outcomes, pathwayLabels: result.pathwayLabels };
  return summariseTables(summaryTables(range, result.strategies, result.referenceStrategy, result.model), { scenario: result.scenario.name, seed: result.seed, model: result.model });
}

/**
 * The summary of a run from its summary tables ({@link summaryTables}, possibly merged over workers or shards with
 * {@link mergeSummaryTables}): a pure function of the tables, the scenario's name, the seed and the outcome model.
 * Each endpoint's event table is read row by row from the sorted times (src/analysis `EventRowCursor`, R's timefix
 * over that strategy's times) for the Kaplan–Meier median and landmarks (`kaplanMeierSummary`: the numbers of
 * `kaplanMeierFromTable` and `survivalAt`, without the curve's columns); the comparisons pool two strategies' times
 * into one two-group table for the Efron Cox model and the medians. O(strategies × distinct times + batches +
 * blocks) time; beyond the tables, memory for the comparisons' event rows only (16 bytes each).
 */
export function summariseTables(tables: SummaryTables, run: { readonly scenario: string; readonly seed: number | string; readonly model: OutcomeModel }): SimulationSummary {
  const comparisons = comparisonsFromTables(tables, run.model, run.scenario);
  const strategies = tables.strategies.map((strategy, s): StrategySummary => {
    const t = tables.perStrategy[s]!;
    const pathways = [...t.pathways]
      .sort((a, b) => b.count - a.count || (a.pathway < b.pathway ? -1 : a.pathway > b.pathway ? 1 : 0))
      .slice(0, 10)
      .map(({ pathway, count }) => ({ pathway, share: rounded(count / tables.n)! }));
    const summaryOf = (which: "pfs" | "os") => {
      const hr = hazardRatioSummary(comparisons.find((c) => c.strategy === strategy)?.[which].hazardRatio ?? null);
      return endpoint(kaplanMeierSummary(new EventRowCursor([t[which]]), 0, landmarkMonths), hr);
    };
    return { strategy, n: tables.n, pfs: summaryOf("pfs"), os: summaryOf("os"), pathways };
  });
  return {
    scenario: run.scenario, seed: run.seed, n: tables.n, referenceStrategy: tables.referenceStrategy,
    strategies,
    sequencing: sequencingFromTables(tables, run.model),
    comparisons,
  };
}

/** The estimate and Monte Carlo limits of a comparison's hazard ratio (its labelled parts stay in `comparisons`). */
function hazardRatioSummary(hr: StrategyComparison["pfs"]["hazardRatio"]): EndpointSummary["hazardRatio"] {
  return hr === null ? null : { estimate: hr.estimate, monteCarlo: { lower: hr.monteCarlo.lower, upper: hr.monteCarlo.upper } };
}
