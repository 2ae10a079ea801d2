import { findRoot } from "./findRoot.js";
import { mixtureMedian } from "./mixture.js";
import type { SurvivalModel } from "./SurvivalModel.js";
import { requirePositiveParameter } from "./requireModelParameter.js";
import { withHazardRatio } from "./withHazardRatio.js";

/** A group of patients sharing one hazard ratio against the baseline (weights need not sum to 1). */
export interface HazardRatioGroup {
  readonly weight: number;
  readonly hazardRatio: number;
}

/** The result of {@link calibrateBaselineMedian}. */
export interface BaselineCalibration {
  readonly baseline: SurvivalModel;
  readonly baselineMedian: number;
  /** The median of the cohort's mixture Σ wᵢ S₀(t)^HRᵢ with this baseline (≈ the target). */
  readonly cohortMedian: number;
  readonly targetMedian: number;
}

/**
 * The baseline whose cohort reproduces a reported median once patient factors act as hazard ratios: solves
 * median of Σ wᵢ·S₀(t)^HRᵢ/Σ wᵢ = target for the baseline median (monotone, unique) by root finding on its
 * logarithm. Without this, HRs of patient factors would shift the simulated median away from the paper's.
 * Use: reported median PFS 29 months, cohort HR mix from the scenario → the baseline to give each patient
 * before applying their own HR. Cost: about 40 mixture medians.
 */
export function calibrateBaselineMedian(
  targetMedian: number,
  groups: readonly HazardRatioGroup[],
  baselineFromMedian: (median: number) => SurvivalModel,
): BaselineCalibration {
  requirePositiveParameter("calibrateBaselineMedian", "target median", targetMedian);
  if (groups.length === 0) throw new RangeError("calibrateBaselineMedian requires at least one group");
  for (const group of groups) requirePositiveParameter("calibrateBaselineMedian", "hazard ratio", group.hazardRatio);
  const cohortMedian = (baselineMedian: number) => {
    const baseline = baselineFromMedian(baselineMedian);
    return mixtureMedian(groups.map((g) => ({ weight: g.weight, model: withHazardRatio(baseline, g.hazardRatio) })));
  };
  const gap = (logMedian: number) => cohortMedian(Math.exp(logMedian)) - targetMedian;
  let low = Math.log(targetMedian);
  let high = low;
  for (let i = 0; gap(low) > 0; i++) {
    if (i === 60) throw new RangeError(`calibrateBaselineMedian found no baseline short enough for a median of ${targetMedian}`);
    low -= Math.LN2;
  }
  for (let i = 0; gap(high) < 0; i++) {
    if (i === 60) throw new RangeError(`calibrateBaselineMedian found no baseline long enough for a median of ${targetMedian}`);
    high += Math.LN2;
  }
  const baselineMedian = low === high ? Math.exp(low) : Math.exp(findRoot(gap, low, high, 1e-11));
  const baseline = baselineFromMedian(baselineMedian);
  return Object.freeze({ baseline, baselineMedian, cohortMedian: cohortMedian(baselineMedian), targetMedian });
}
