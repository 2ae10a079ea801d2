import type { SpendingFamily } from "./spendingFunction.js";

/**
 * A clinical-trial design to plan by simulation: arms, accrual, follow-up, dropout, strata, the test and its
 * two-sided alpha, and the Monte Carlo settings. Produced by `parseTrialDesign` (design JSON) or
 * `twoArmDesign` (the common two-arm case), consumed by `simulatePower` and `findSampleSize`.
 *
 * Time is in months throughout.
 */
export interface TrialDesign {
  /** Scenario (name in data/scenarios or a file) whose patients strategy arms are simulated on; null: "default". */
  readonly scenario: string | null;
  /** The arms; `arms[0]` is the control that every other arm is compared with. At least two. */
  readonly arms: readonly TrialArm[];
  /** Total number of patients randomised (all arms). Ignored by the sample-size search. */
  readonly n: number;
  readonly accrual: AccrualSpec;
  /**
   * Months of follow-up after the last patient enters: the analysis is at calendar time accrual + follow-up.
   * Ignored when {@link targetEvents} is set.
   */
  readonly followUpMonths: number;
  /** Event-driven analysis: the analysis happens when this many events (all arms) have been observed. */
  readonly targetEvents: number | null;
  readonly dropout: DropoutSpec;
  /**
   * Prognostic strata (e.g. WHO grade): each patient falls in one with the given probability, and every arm's
   * hazard is multiplied by the stratum's `hazardMultiplier` (proportional hazards within arms). Empty: one stratum.
   */
  readonly strata: readonly StratumSpec[];
  readonly test: TestSpec;
  /** Two-sided significance level of each comparison (before any multiplicity adjustment). */
  readonly alpha: number;
  /** With more than two arms: "bonferroni" tests each comparison at alpha / (arms − 1); "none" at alpha. */
  readonly multiplicity: Multiplicity;
  /** Number of simulated trials. */
  readonly sims: number;
  /** Master seed: simulated trial i draws from `subStream(seed, "trial", i)`. */
  readonly seed: number | string;
  /** Interim analyses and their stopping bounds (group-sequential design); absent or null: one final analysis. */
  readonly sequential?: SequentialSpec | null;
}

/**
 * A group-sequential plan for a two-arm trial: looks at given shares of the maximum number of events, with
 * efficacy bounds from a spending function (or classical ones) and optional non-binding futility bounds.
 * The design's two-sided `alpha` is spent as a one-sided α/2 when `sided` is 1 (reject only for benefit, the
 * usual convention), as a two-sided α when `sided` is 2.
 */
export interface SequentialSpec {
  /** Information rates of the looks: increasing, in (0, 1], the last 1 (e.g. [0.5, 0.75, 1]). */
  readonly informationRates: readonly number[];
  readonly spending: SpendingFamily;
  /** Hwang–Shih–DeCani γ (used with `spending` "hsd"). */
  readonly gamma: number;
  /** Classical O'Brien–Fleming or Pocock bounds instead of the Lan–DeMets spending function of the same name. */
  readonly classical: boolean;
  readonly sided: 1 | 2;
  readonly futility: SequentialFutilitySpec | null;
  /** Power the plan is sized for (maximum events and patients); null: the design's n and events, and β = 0.2 for β-spending. */
  readonly targetPower: number | null;
}

/** Non-binding futility: β-spending bounds (β = 1 − target power) or bounds given on the z scale, one per interim. */
export type SequentialFutilitySpec =
  | { readonly kind: "spending"; readonly spending: SpendingFamily; readonly gamma: number }
  | { readonly kind: "z"; readonly z: readonly number[] };

export interface TrialArm {
  readonly label: string;
  /** Allocation weight: arms are randomised in proportion to these (e.g. 2 and 1 for a 2:1 design). */
  readonly allocation: number;
  readonly survival: ArmSurvivalSpec;
}

/**
 * How an arm's event times are drawn:
 * - `weibull`: median (months) and shape (1 = exponential, the default);
 * - `hazardRatio`: the control arm's survival raised to this power (proportional hazards, any control shape);
 *   with `delayMonths` d the effect starts only at month d (hazard as the control's before, HR × after: a
 *   delayed treatment effect, hazards not proportional);
 * - `piecewise`: piecewise-exponential, hazard `ratesPerMonth[j]` per month from `startMonths[j]` (the first 0)
 *   to the next start, the last open-ended (rpact's `piecewiseSurvivalTime` and `lambda`);
 * - `mixture`: a mixture of Weibull components with weights (e.g. patients who reach resection and those
 *   who do not): hazards are then not proportional, and the analytic formulas are only approximate;
 * - `strategy`: a whole treatment strategy of data/strategies run through the rules and the simulation
 *   engine on the design's scenario; resolved (Node: `resolveStrategyArmsNode`) into an `empirical` arm;
 * - `empirical`: a survival step function (time ascending, survival just after each time), e.g. the
 *   Kaplan–Meier curve of a large simulated cohort (see `empiricalArmSpec`).
 */
export type ArmSurvivalSpec =
  | { readonly kind: "weibull"; readonly median: number; readonly shape: number }
  | { readonly kind: "hazardRatio"; readonly hazardRatio: number; readonly delayMonths?: number }
  | { readonly kind: "piecewise"; readonly startMonths: readonly number[]; readonly ratesPerMonth: readonly number[] }
  | { readonly kind: "mixture"; readonly components: readonly ArmMixtureComponent[] }
  | { readonly kind: "strategy"; readonly strategy: string; readonly endpoint: TrialEndpoint }
  | { readonly kind: "empirical"; readonly source: string; readonly time: readonly number[]; readonly survival: readonly number[] };

export const TrialEndpoints = ["pfs", "os"] as const;
export type TrialEndpoint = (typeof TrialEndpoints)[number];
export const isTrialEndpoint = (value: unknown): value is TrialEndpoint => (TrialEndpoints as readonly unknown[]).includes(value);

export interface ArmMixtureComponent {
  /** Share of the arm's patients (the weights of a mixture are normalised to sum to one). */
  readonly weight: number;
  readonly median: number;
  readonly shape: number;
}

/**
 * Accrual: either a duration (`months`) or a rate (`perMonth` patients per month at full speed, so the
 * duration grows with n). `rampMonths` > 0 ramps the rate linearly up from zero over that many months (sites
 * opening), then keeps it constant; 0 is uniform accrual. Piecewise-uniform accrual (`piecewise`): `perMonth[j]`
 * patients a month from month `startMonths[j]` (the first 0) to the next start, the last rate until n are in.
 */
export type AccrualSpec =
  | { readonly kind: "duration"; readonly months: number; readonly rampMonths: number }
  | { readonly kind: "rate"; readonly perMonth: number; readonly rampMonths: number }
  | { readonly kind: "piecewise"; readonly startMonths: readonly number[]; readonly perMonth: readonly number[]; readonly rampMonths: 0 };

/**
 * Loss to follow-up: an exponential dropout time with this hazard per month, the same in every arm. A design
 * JSON may give it as `annualProportion` p instead: the rate is −ln(1 − p) / 12 (p lost within a year).
 * With `pieces` the dropout hazard is piecewise constant over time since entry (`ratePerMonth` is then the
 * first piece's rate).
 */
export interface DropoutSpec {
  readonly ratePerMonth: number;
  readonly pieces?: readonly DropoutPiece[];
}

export interface DropoutPiece {
  /** Months since entry from which this rate applies (the first piece from 0). */
  readonly fromMonth: number;
  readonly ratePerMonth: number;
}

export interface StratumSpec {
  readonly label: string;
  /** Probability that a patient falls in this stratum (normalised over strata). */
  readonly proportion: number;
  /** Multiplies the hazard of every arm in this stratum (1 = the arm's own survival). */
  readonly hazardMultiplier: number;
}

/** The test of each treatment arm against the control. */
export type TestSpec =
  | { readonly kind: "logrank" }
  | { readonly kind: "stratified-logrank" }
  | { readonly kind: "cox-wald" }
  | { readonly kind: "rmst"; readonly tau: number };

export const TestKinds = ["logrank", "stratified-logrank", "cox-wald", "rmst"] as const;
export type TestKind = (typeof TestKinds)[number];
export const isTestKind = (value: unknown): value is TestKind => (TestKinds as readonly unknown[]).includes(value);

export const Multiplicities = ["bonferroni", "none"] as const;
export type Multiplicity = (typeof Multiplicities)[number];
export const isMultiplicity = (value: unknown): value is Multiplicity => (Multiplicities as readonly unknown[]).includes(value);

/** Annual proportion lost to follow-up → exponential dropout rate per month: −ln(1 − p) / 12. */
export function dropoutRateFromAnnualProportion(annualProportion: number): number {
  return -Math.log1p(-annualProportion) / 12;
}
