import type { KaplanMeierResult } from "../analysis/KaplanMeierResult.js";
import type { FigureWidth } from "./journalSize.js";
import type { SeriesStyle } from "./strategyStyle.js";

/** One curve of a Kaplan–Meier figure: a strategy (or group) and its estimate. */
export interface KmCurveInput {
  /** Legend and risk-table label, e.g. "Surgery first". */
  readonly label: string;
  readonly km: KaplanMeierResult;
  /**
   * Censoring times to tick. Default: every distinct time of `km` with a censoring. Ticks sit on the curve.
   */
  readonly censorTimes?: readonly number[];
  /**
   * Numbers at risk at `KmFigureOptions.atRiskTimes`. Default: the analysis module's `numbersAtRisk(km, times)`
   * (R's `summary(fit, times, extend = TRUE)$n.risk`).
   */
  readonly atRisk?: readonly number[];
  /** Colour and dash of the curve, from the strategy's id (`strategyStyles`); default: by position (seriesColour(i)). */
  readonly style?: Pick<SeriesStyle, "colour" | "dash">;
  /**
   * A published median to mark on the curve (a small labelled tick at S = 0.5), e.g. the registry figure of the
   * strategy's first line, so calibration shows at a glance.
   */
  readonly publishedMedian?: { readonly months: number; readonly label: string };
}

/** A hazard ratio to print in the annotation: "HR, B vs A: 0.72 (95% CI 0.65–0.80)". */
export interface HazardRatioAnnotation {
  /** What is compared, e.g. "Surgery first vs systemic first". */
  readonly comparison: string;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

export const SurvivalEndpoints = ["pfs", "os"] as const;
export type SurvivalEndpoint = (typeof SurvivalEndpoints)[number];
export const isSurvivalEndpoint = (value: unknown): value is SurvivalEndpoint => (SurvivalEndpoints as readonly unknown[]).includes(value);

/** Axis titles in words a reviewer reads without a legend. */
export const endpointNames: Readonly<Record<SurvivalEndpoint, { readonly long: string; readonly short: string; readonly yTitle: string }>> = {
  pfs: { long: "progression-free survival", short: "PFS", yTitle: "Probability of progression-free survival" },
  os: { long: "overall survival", short: "OS", yTitle: "Probability of overall survival" },
};

export interface KmFigureOptions {
  readonly endpoint: SurvivalEndpoint;
  /** Times (months) of the numbers-at-risk columns and of the x-axis ticks. Default: a round step (3, 6, 12 or 24 months) from 0 to the end of follow-up. */
  readonly atRiskTimes?: readonly number[];
  /** Hazard ratios (each strategy against the reference) printed in the annotation. */
  readonly hazardRatios?: readonly HazardRatioAnnotation[];
  /** The heading of the hazard ratios, saying what their interval is; default "Hazard ratio (95% CI)". */
  readonly hazardRatioTitle?: string;
  /** Log-rank p-value printed in the annotation. */
  readonly logRankP?: number;
  /** Physical width: "single" (89 mm), "double" (183 mm) or millimetres. Default "single". */
  readonly width?: FigureWidth;
  /** Height of the curve panel in points. Default: 0.72 × width for single column, 0.45 × width for double. */
  readonly height?: number;
  /** Right end of the time axis, months; curves beyond it are clipped. Default: the last at-risk time (when atRiskTimes is given), else the longest follow-up rounded up to a tick. */
  readonly maxTime?: number;
  /** Draw pointwise confidence bands. Default true. */
  readonly confidenceBands?: boolean;
  /** Optional title above the figure (journals usually put it in the caption instead). */
  readonly title?: string;
  /**
   * At most this many steps per curve are drawn (default 1500): when a curve has more event times, events
   * closer together than (time axis length / maxSteps) share one step. Invisible at print resolution and keeps
   * a 20,000-patient SVG small; the tables keep every time.
   */
  readonly maxSteps?: number;
  /** At most this many censoring ticks per curve (default 120), thinned the same way: the first censoring in each bin. */
  readonly maxCensorTicks?: number;
  /** Hover tooltips on the curves (strategy, time, survival, number at risk) for interactive use. Default false. */
  readonly tooltips?: boolean;
}
