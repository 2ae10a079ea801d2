import { timeAtSurvival } from "./medianOfSurvival.js";
import type { MixtureComponent, MixtureModel } from "./SurvivalModel.js";

/**
 * The survival of a cohort made of groups: S(t) = Σ wᵢ Sᵢ(t)/Σ wᵢ, f and H likewise, h = f/S.
 * The quantile has no closed form: each call solves S(t) = 1 − p numerically (about 60 survival
 * evaluations of every component) — fine for calibration, too slow for per-patient draws (draw the group
 * first, then its model's `sample`). Mean = Σ wᵢ meanᵢ/Σ wᵢ when every component has one.
 */
export function mixture(components: readonly MixtureComponent[]): MixtureModel {
  if (components.length === 0) throw new RangeError("mixture requires at least one component");
  let total = 0;
  for (const { weight } of components) {
    if (!(Number.isFinite(weight) && weight >= 0)) throw new RangeError(`mixture requires non-negative, finite weights, got ${weight}`);
    total += weight;
  }
  if (!(total > 0)) throw new RangeError("mixture requires a positive total weight");
  const weights = components.map((c) => c.weight / total);
  const models = components.map((c) => c.model);
  const survival = (t: number) => {
    let sum = 0;
    for (let i = 0; i < models.length; i++) sum += weights[i] * models[i].survival(t);
    return sum;
  };
  const density = (t: number) => {
    let sum = 0;
    for (let i = 0; i < models.length; i++) sum += weights[i] * models[i].density(t);
    return sum;
  };
  let guess = 0;
  for (let i = 0; i < models.length; i++) guess += weights[i] * models[i].median;
  if (!(guess > 0 && Number.isFinite(guess))) guess = 1;
  const quantile = (p: number) => (p <= 0 ? 0 : p >= 1 ? Infinity : timeAtSurvival(survival, 1 - p, guess));
  let mean: number | undefined = 0;
  for (let i = 0; i < models.length; i++) {
    const componentMean = models[i].mean;
    mean = componentMean === undefined || mean === undefined ? undefined : mean + weights[i] * componentMean;
  }
  return Object.freeze({
    family: "mixture",
    components: Object.freeze(components.map((c) => Object.freeze({ weight: c.weight, model: c.model }))),
    median: quantile(0.5),
    mean,
    survival,
    hazard: (t: number) => density(t) / survival(t),
    cumulativeHazard: (t: number) => -Math.log(survival(t)),
    density,
    quantile,
    sample: quantile,
  });
}

/** The median of a mixture of models (see {@link mixture}): the t with Σ wᵢ Sᵢ(t)/Σ wᵢ = 0.5. */
export function mixtureMedian(components: readonly MixtureComponent[]): number {
  return mixture(components).median;
}
