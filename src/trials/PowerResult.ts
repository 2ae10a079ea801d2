import type { AnalyticPower, FormulaAnswer } from "./analyticPower.js";
import type { TestKind } from "./TrialDesign.js";

/**
 * The answer of {@link simulatePower}: simulated power with its Monte Carlo interval, beside Schoenfeld's and
 * Freedman's. Top-level fields describe the first comparison (arm 1 vs control), which for a two-arm trial is
 * the trial; `comparisons` has one entry per treatment arm.
 */
export interface PowerResult {
  /** Total patients randomised. */
  readonly n: number;
  readonly sims: number;
  readonly seed: number | string;
  readonly test: TestKind;
  readonly alpha: number;
  /** Level of each comparison (alpha, or alpha / comparisons with Bonferroni). */
  readonly comparisonAlpha: number;
  /** Simulated power (share of trials rejecting) and its 95% Wilson score interval. */
  readonly power: number;
  readonly lower: number;
  readonly upper: number;
  /** Monte Carlo standard error √(p(1 − p)/sims). */
  readonly standardError: number;
  readonly interval: "wilson-95";
  /** Mean events (all arms) at the analysis. */
  readonly expectedEvents: number;
  /** Median over simulated trials of the estimated hazard ratio (first comparison). */
  readonly medianHazardRatio: number;
  readonly hazardRatioQuantiles: Quantiles;
  readonly medianDifference: MedianDifferenceSummary;
  /** Months of accrual, and mean calendar month of the analysis (expected study duration). */
  readonly accrualMonths: number;
  readonly expectedDuration: number;
  readonly durationQuantiles: Quantiles;
  readonly schoenfeld: FormulaAnswer;
  readonly freedman: FormulaAnswer;
  readonly comparisons: readonly ComparisonSummary[];
  /** Share of trials in which at least one comparison rejects (equals `power` with two arms). */
  readonly anyRejection: { readonly power: number; readonly lower: number; readonly upper: number };
  readonly analytic: AnalyticPower;
  /** Why simulation and formulas differ, when they do; design caveats. */
  readonly notes: readonly string[];
}

export interface ComparisonSummary {
  readonly arm: string;
  readonly power: number;
  readonly lower: number;
  readonly upper: number;
  readonly standardError: number;
  /** Mean events in the control and this arm. */
  readonly expectedEvents: number;
  readonly medianHazardRatio: number;
  readonly hazardRatioQuantiles: Quantiles;
  readonly medianDifference: MedianDifferenceSummary;
  /** The hazard ratio the formulas use, and whether hazards are proportional. */
  readonly designHazardRatio: number;
  readonly proportionalHazards: boolean;
  readonly schoenfeld: FormulaAnswer;
  readonly freedman: FormulaAnswer;
}

/** Quantiles over simulated trials (R type 7); NaN when no trial gives a value. */
export interface Quantiles {
  readonly q025: number;
  readonly q25: number;
  readonly q50: number;
  readonly q75: number;
  readonly q975: number;
}

/** Kaplan–Meier median of the treatment arm minus the control's, months, over trials where both are reached. */
export interface MedianDifferenceSummary {
  /** Share of trials where both medians were reached (the others are left out of the quantiles). */
  readonly reachedFraction: number;
  readonly mean: number;
  readonly quantiles: Quantiles;
}
