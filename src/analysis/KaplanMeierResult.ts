/**
 * The Kaplan–Meier estimate for one group: one entry per distinct time (event or censoring), in columns,
 * as `summary(survfit(Surv(time, event) ~ 1), censored = TRUE)` in R.
 *
 * This is a contract shared by analysis, figures, report, notebooks and the CLI: fields may be added,
 * not renamed or removed.
 */
export interface KaplanMeierResult {
  /** Number of observations. */
  readonly n: number;
  /** Number of observed events. */
  readonly events: number;
  readonly confType: ConfType;
  readonly confLevel: number;
  /** Distinct times, ascending. */
  readonly time: Float64Array;
  /** Number at risk just before each time. */
  readonly nRisk: Float64Array;
  readonly nEvent: Float64Array;
  readonly nCensor: Float64Array;
  /** Survival just after each time. */
  readonly survival: Float64Array;
  /** Greenwood standard error of the survival estimate (R: `summary(fit)$std.err`); NaN where undefined. */
  readonly stdErr: Float64Array;
  /** Pointwise lower and upper confidence limits; NaN where R gives NA. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Median survival with its confidence limits, as R's print(survfit); null where R gives NA. */
  readonly median: QuantileEstimate;
}

export interface QuantileEstimate {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export const ConfTypes = ["log", "log-log", "plain"] as const;
export type ConfType = (typeof ConfTypes)[number];
export const isConfType = (value: unknown): value is ConfType => (ConfTypes as readonly unknown[]).includes(value);
