import type { BackgroundMortality } from "./backgroundMortality.js";
import type { OutcomeParameters } from "./OutcomeParameters.js";
import type { OutcomeStructure } from "./outcomeSources.js";

/**
 * The numbers of the sequencing structure (issue 11), resolved for the Monte Carlo core (see `walkSequence`).
 * Plain data.
 */
export interface SequencingModel {
  /** Death hazard per month after progression (and between lines), by grade G1, G2, G3, NEC, before patient factors. */
  readonly ppsRateByGrade: readonly number[];
  /** Disease death hazard on treatment as a share of the post-progression one. */
  readonly onTreatmentDeathRatio: number;
  /**
   * `nextLineProbability[g · maximumPathwayLines + j]`: the probability that a patient of grade g who progresses on
   * line j (0-based) starts line j + 1 of the plan.
   */
  readonly nextLineProbability: readonly number[];
  /** Months from progression to the start of the next line. */
  readonly gapMonths: number;
  /** Standard deviation of the log frailty (log-normal, mean 1). */
  readonly frailtySd: number;
  /** Deaths from other causes. */
  readonly background: BackgroundMortality;
}

/**
 * The calibrated outcome model the Monte Carlo core runs on: plain numbers (JSON-serialisable, sent as is to
 * worker threads). Times are Weibull: a line of treatment t lasts `pfsScale[t]·(E/HR)^(1/pfsShape)` months with
 * E = −ln(1 − u) a unit exponential from the line's uniform u and HR the patient's hazard ratio, i.e. the
 * patient's survival is S₀(t)^HR (proportional hazards) — by inverse transform, monotone in u, so common
 * random numbers couple strategies comonotonically.
 */
export interface OutcomeModel {
  readonly parameters: OutcomeParameters;
  /** "sequencing" (lines with attrition, competing deaths and one post-progression model) or the earlier "sum-of-lines". */
  readonly structure: OutcomeStructure;
  /** The sequencing structure's numbers; null for "sum-of-lines". */
  readonly sequencing: SequencingModel | null;
  /** Treatment ids; the arrays below are indexed like this list. */
  readonly treatmentIds: readonly string[];
  /** Weibull scale of PFS per treatment, calibrated so the single-treatment cohort's median PFS is the target. */
  readonly pfsScale: readonly number[];
  /** Weibull scale of post-progression survival per treatment ("sum-of-lines" only: calibrated to the OS median where one is given). */
  readonly ppsScale: readonly number[];
  readonly pfsShape: number;
  readonly ppsShape: number;
  readonly deathShare: number;
}
