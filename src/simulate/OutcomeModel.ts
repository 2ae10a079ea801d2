import type { OutcomeParameters } from "./OutcomeParameters.js";

/**
 * The calibrated outcome model the Monte Carlo core runs on: plain numbers (JSON-serialisable, sent as is to
 * worker threads). Times are Weibull: a line of treatment t lasts `pfsScale[t]·(E/HR)^(1/pfsShape)` months with
 * E = −ln(1 − u) a unit exponential from the line's uniform u and HR the patient's hazard ratio, i.e. the
 * patient's survival is S₀(t)^HR (proportional hazards) — by inverse transform, monotone in u, so common
 * random numbers couple strategies comonotonically.
 */
export interface OutcomeModel {
  readonly parameters: OutcomeParameters;
  /** Treatment ids; the arrays below are indexed like this list. */
  readonly treatmentIds: readonly string[];
  /** Weibull scale of PFS per treatment, calibrated so the single-treatment cohort's median PFS is the target. */
  readonly pfsScale: readonly number[];
  /** Weibull scale of post-progression survival per treatment (calibrated to the OS median where one is given). */
  readonly ppsScale: readonly number[];
  readonly pfsShape: number;
  readonly ppsShape: number;
  readonly deathShare: number;
}
