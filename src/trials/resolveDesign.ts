import { accrualDuration } from "./accrual.js";
import { armModel, type ArmModel } from "./armModel.js";
import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import type { PiecewiseHazard } from "./piecewiseHazard.js";
import type { DropoutSpec, TrialDesign } from "./TrialDesign.js";

/**
 * A validated {@link TrialDesign} in numeric form, ready for the simulation loop: arm models, the allocation
 * block, cumulative stratum probabilities, and the per-comparison significance level and critical value.
 * Built once per design (cheap), then shared by every simulated trial.
 */
export interface ResolvedDesign {
  readonly design: TrialDesign;
  readonly arms: readonly ArmModel[];
  /** Allocation fractions of the arms (sum to 1). */
  readonly allocationFractions: readonly number[];
  /** One permuted block as arm indices (e.g. [0, 1, 1] for 1:2), or null for simple randomisation. */
  readonly block: readonly number[] | null;
  /** Cumulative stratum probabilities (last = 1); [1] when there are no strata. */
  readonly stratumCumulative: Float64Array;
  /** 1 / hazard multiplier of each stratum: the power applied to the uniform draw. */
  readonly stratumInversePower: Float64Array;
  readonly stratumProportions: readonly number[];
  /** Stratum labels (["all"] without strata), for the event table of the stratified test. */
  readonly stratumLabels: readonly string[];
  readonly stratumMultipliers: readonly number[];
  /** Two-sided level of each treatment-vs-control comparison (alpha, or alpha/(arms − 1) with Bonferroni). */
  readonly comparisonAlpha: number;
  /** z_{1 − comparisonAlpha/2}. */
  readonly criticalZ: number;
  /** The loss-to-follow-up hazard over time since entry (one piece when exponential). */
  readonly dropout: PiecewiseHazard;
}

export function resolveDesign(design: TrialDesign): ResolvedDesign {
  const control = armModel(design.arms[0].survival, null);
  const arms = [control, ...design.arms.slice(1).map((arm) => armModel(arm.survival, control))];
  const totalWeight = design.arms.reduce((sum, arm) => sum + arm.allocation, 0);
  const allocationFractions = design.arms.map((arm) => arm.allocation / totalWeight);
  const strata = design.strata.length > 0 ? design.strata : [{ label: "all", proportion: 1, hazardMultiplier: 1 }];
  const totalProportion = strata.reduce((sum, s) => sum + s.proportion, 0);
  const stratumProportions = strata.map((s) => s.proportion / totalProportion);
  const stratumCumulative = new Float64Array(strata.length);
  let cumulative = 0;
  stratumProportions.forEach((p, index) => {
    cumulative += p;
    stratumCumulative[index] = cumulative;
  });
  stratumCumulative[strata.length - 1] = 1;
  const comparisons = design.arms.length - 1;
  const comparisonAlpha = design.multiplicity === "bonferroni" && comparisons > 1 ? design.alpha / comparisons : design.alpha;
  return {
    design,
    arms,
    allocationFractions,
    block: allocationBlock(design.arms.map((arm) => arm.allocation)),
    stratumCumulative,
    stratumInversePower: Float64Array.from(strata, (s) => 1 / s.hazardMultiplier),
    stratumProportions,
    stratumLabels: strata.map((s, index) => `${index}:${s.label}`),
    stratumMultipliers: strata.map((s) => s.hazardMultiplier),
    comparisonAlpha,
    criticalZ: inverseNormalCdf(1 - comparisonAlpha / 2),
    dropout: dropoutHazard(design.dropout),
  };
}

/** The dropout spec as a piecewise-constant hazard. */
export function dropoutHazard(dropout: DropoutSpec): PiecewiseHazard {
  if (dropout.pieces === undefined || dropout.pieces.length === 0) return { starts: [0], rates: [dropout.ratePerMonth] };
  return { starts: dropout.pieces.map((piece) => piece.fromMonth), rates: dropout.pieces.map((piece) => piece.ratePerMonth) };
}

/**
 * The permuted block for allocation weights: the smallest integer multiples of the weights (control 1,
 * treatment 2 → [0, 1, 1]; each trial shuffles a fresh copy per block). Weights that are not
 * ratios of small integers (block longer than 48) fall back to simple randomisation (null).
 */
export function allocationBlock(weights: readonly number[]): number[] | null {
  const smallest = Math.min(...weights);
  const relative = weights.map((w) => w / smallest);
  for (let multiplier = 1; multiplier <= 12; multiplier++) {
    const counts = relative.map((r) => r * multiplier);
    if (counts.every((c) => Math.abs(c - Math.round(c)) < 1e-9)) {
      const rounded = counts.map(Math.round);
      if (rounded.reduce((a, b) => a + b, 0) > 48) return null;
      return rounded.flatMap((count, arm) => Array.from({ length: count }, () => arm));
    }
  }
  return null;
}

/** Months of accrual for n patients under this design. */
export function designAccrualMonths(design: TrialDesign, n: number): number {
  return accrualDuration(design.accrual, n);
}
