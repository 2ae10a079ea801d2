import { exponential } from "./exponential.js";
import { gompertz } from "./gompertz.js";
import { piecewiseExponential } from "./piecewiseExponential.js";
import { proportionalHazards } from "./proportionalHazards.js";
import type { SurvivalModel } from "./SurvivalModel.js";
import { requirePositiveParameter } from "./requireModelParameter.js";
import { weibull } from "./weibull.js";

/**
 * The model whose hazard is `hazardRatio` times that of `model` at every time: S₁(t) = S₀(t)^HR.
 * Closed form inside the family where one exists — exponential (rate·HR), Weibull (scale·HR^(−1/shape)),
 * piecewise exponential (every rate·HR), Gompertz (rate·HR), proportional hazards (ratios multiply) — and otherwise (log-normal,
 * log-logistic, mixture) the generic {@link proportionalHazards} wrapper. HR = 1 returns `model` itself.
 */
export function withHazardRatio(model: SurvivalModel, hazardRatio: number): SurvivalModel {
  requirePositiveParameter("withHazardRatio", "hazard ratio", hazardRatio);
  if (hazardRatio === 1) return model;
  switch (model.family) {
    case "exponential":
      return exponential(model.rate * hazardRatio);
    case "weibull":
      return weibull(model.shape, model.scale * Math.pow(hazardRatio, -1 / model.shape));
    case "piecewiseExponential":
      return piecewiseExponential(model.cutpoints, model.rates.map((rate) => rate * hazardRatio));
    case "gompertz":
      return gompertz(model.shape, model.rate * hazardRatio);
    case "proportionalHazards":
      return proportionalHazards(model.baseline, model.hazardRatio * hazardRatio);
    default:
      return proportionalHazards(model, hazardRatio);
  }
}
