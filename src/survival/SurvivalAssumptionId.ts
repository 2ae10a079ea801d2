/**
 * Ids of the labelled assumptions in data/assumptions/survival.json that the survival models and their
 * callers need (the models take these numbers as parameters; the defaults live in data, with rationale).
 */
export const SurvivalAssumptionId = {
  /** Weibull shape used when a paper reports only a median. */
  weibullShapeWhenOnlyMedian: "weibullShapeWhenOnlyMedian",
  /** Log-normal sdlog used when a paper reports only a median. */
  logNormalSdlogWhenOnlyMedian: "logNormalSdlogWhenOnlyMedian",
  /** Log-logistic shape used when a paper reports only a median. */
  logLogisticShapeWhenOnlyMedian: "logLogisticShapeWhenOnlyMedian",
  /** Weibull shape of post-progression survival, whose median is calibrated to the reported OS median. */
  postProgressionWeibullShape: "postProgressionWeibullShape",
  /** Share of PFS events that are deaths without progression (no post-progression survival follows). */
  deathShareOfPfsEvents: "deathShareOfPfsEvents",
} as const;
export type SurvivalAssumptionId = (typeof SurvivalAssumptionId)[keyof typeof SurvivalAssumptionId];
