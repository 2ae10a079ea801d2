import { kaplanMeier } from "../analysis/index.js";
import type { KaplanMeierResult } from "../analysis/index.js";
import { coxPh } from "../analysis/index.js";
import { survivalAt } from "../analysis/index.js";
import type { SimulationResult } from "./simulate.js";
import type { StrategyColumns } from "./simulateRange.js";
import { type SequencingSummary, sequencingSummary } from "./sequencingSummary.js";

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
   * Hazard ratio against the reference strategy with its 95% Wald CI: a Cox model (src/analysis coxPh, Efron ties)
   * with strategy as the only term, the two strategies' rows pooled. The same patients are in both (common random
   * numbers), so the interval is conservative for the difference. Null for the reference.
   */
  readonly hazardRatio: SummaryEstimate | null;
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
}

/** The landmark times of the summaries, months. */
export const landmarkMonths = [12, 24, 60] as const;

const rounded = (x: number | null, digits = 4): number | null => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

function hazardRatio(reference: { time: Float64Array; event: Uint8Array }, other: { time: Float64Array; event: Uint8Array }): SummaryEstimate {
  const n = reference.time.length;
  const time = new Float64Array(2 * n);
  const event = new Uint8Array(2 * n);
  const group = new Uint8Array(2 * n);
  time.set(reference.time, 0);
  time.set(other.time, n);
  event.set(reference.event, 0);
  event.set(other.event, n);
  group.fill(1, n);
  const fit = coxPh(time, event, { group, groupLevels: ["0", "1"] });
  return { estimate: rounded(fit.hazardRatios[0]), lower: rounded(fit.lower[0]), upper: rounded(fit.upper[0]) };
}

function endpoint(km: KaplanMeierResult, hr: SummaryEstimate | null): EndpointSummary {
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
  const referenceIndex = result.strategies.indexOf(result.referenceStrategy);
  const reference = result.outcomes[referenceIndex];
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
      const hr = s === referenceIndex ? null : hazardRatio(pick(reference, which), data);
      return endpoint(kaplanMeier(data.time, data.event), hr);
    };
    return { strategy, n: result.n, pfs: summaryOf("pfs"), os: summaryOf("os"), pathways };
  });
  return { scenario: result.scenario.name, seed: result.seed, n: result.n, referenceStrategy: result.referenceStrategy, strategies, sequencing: sequencingSummary(result) };
}
