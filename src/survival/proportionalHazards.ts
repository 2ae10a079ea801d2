import type { ProportionalHazardsModel, SurvivalModel } from "./SurvivalModel.js";
import { requirePositiveParameter } from "./requireModelParameter.js";

/**
 * The generic proportional-hazards transform of any model: h₁ = HR·h₀, H₁ = HR·H₀, S₁ = S₀^HR, f₁ = h₁S₁.
 * Quantile by inverting through the baseline: S₁(t) = 1 − p ⇔ S₀(t) = (1 − p)^(1/HR), so
 * quantile₁(p) = quantile₀(1 − (1 − p)^(1/HR)) — computed as −expm1(log1p(−p)/HR) to keep small p exact.
 * A draw costs one baseline quantile plus a log1p and an expm1. No closed-form mean (undefined).
 * Note: for log-normal and log-logistic baselines the result is no longer in that family.
 * Prefer `withHazardRatio`, which stays in closed form where the family allows.
 */
export function proportionalHazards(baseline: SurvivalModel, hazardRatio: number): ProportionalHazardsModel {
  requirePositiveParameter("proportionalHazards", "hazard ratio", hazardRatio);
  const inverseRatio = 1 / hazardRatio;
  const baseQuantile = baseline.quantile;
  const baseCumulativeHazard = baseline.cumulativeHazard;
  const baseHazard = baseline.hazard;
  const quantile = (p: number) => baseQuantile(-Math.expm1(Math.log1p(-p) * inverseRatio));
  return Object.freeze({
    family: "proportionalHazards",
    baseline,
    hazardRatio,
    median: quantile(0.5),
    mean: undefined,
    survival: (t: number) => Math.exp(-hazardRatio * baseCumulativeHazard(t)),
    hazard: (t: number) => hazardRatio * baseHazard(t),
    cumulativeHazard: (t: number) => hazardRatio * baseCumulativeHazard(t),
    density: (t: number) => hazardRatio * baseHazard(t) * Math.exp(-hazardRatio * baseCumulativeHazard(t)),
    quantile,
    sample: quantile,
  });
}
