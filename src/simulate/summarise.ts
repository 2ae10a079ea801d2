import { kaplanMeier } from "../analysis/index.js";
import type { KaplanMeierResult } from "../analysis/index.js";
import { survivalAt } from "../analysis/index.js";
import type { SimulationResult } from "./simulate.js";
import type { StrategyColumns } from "./simulateRange.js";
import { type SequencingSummary, sequencingSummary } from "./sequencingSummary.js";
import { type StrategyComparison, strategyComparisons } from "./strategyComparisons.js";

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

function endpoint(km: KaplanMeierResult, hr: EndpointSummary["hazardRatio"]): EndpointSummary {
  const at = survivalAt(km, [...landmarkMonths], { extend: false });
  const landmarks: Record<string, SummaryEstimate> = {};
  for (const month of landmarkMonths) {
    const k = Array.from(at.time).indexOf(month);
    landmarks[String(month)] = k < 0 ? { estimate: null, lower: null, upper: null } : { estimate: rounded(at.survival[k]), lower: rounded(at.lower[k]), upper: rounded(at.upper[k]) };
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
 * Runs in O(strategies × n log n).
 */
export function summarise(result: SimulationResult): SimulationSummary {
  const comparisons = strategyComparisons(result);
  const pick = (columns: StrategyColumns, which: "pfs" | "os") =>
    which === "pfs" ? { time: columns.pfsMonths, event: columns.pfsEvent } : { time: columns.osMonths, event: columns.osEvent };
  const strategies = result.strategies.map((strategy, s): StrategySummary => {
    const columns = result.outcomes[s];
    const counts = new Map<number, number>();
    for (const code of columns.pathway) counts.set(code, (counts.get(code) ?? 0) + 1);
    const pathways = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 10)
      .map(([code, count]) => ({ pathway: result.pathwayLabels[code], share: rounded(count / result.n)! }));
    const summaryOf = (which: "pfs" | "os") => {
      const data = pick(columns, which);
      const hr = hazardRatioSummary(comparisons.find((c) => c.strategy === strategy)?.[which].hazardRatio ?? null);
      return endpoint(kaplanMeier(data.time, data.event), hr);
    };
    return { strategy, n: result.n, pfs: summaryOf("pfs"), os: summaryOf("os"), pathways };
  });
  return {
    scenario: result.scenario.name, seed: result.seed, n: result.n, referenceStrategy: result.referenceStrategy,
    strategies,
    sequencing: sequencingSummary(result),
    comparisons,
  };
}

/** The estimate and Monte Carlo limits of a comparison's hazard ratio (its labelled parts stay in `comparisons`). */
function hazardRatioSummary(hr: StrategyComparison["pfs"]["hazardRatio"]): EndpointSummary["hazardRatio"] {
  return hr === null ? null : { estimate: hr.estimate, monteCarlo: { lower: hr.monteCarlo.lower, upper: hr.monteCarlo.upper } };
}
