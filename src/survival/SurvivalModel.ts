/** The parametric families of {@link SurvivalModel}, as an `as const` enumeration. */
export const SurvivalFamily = {
  exponential: "exponential",
  weibull: "weibull",
  logNormal: "logNormal",
  logLogistic: "logLogistic",
  piecewiseExponential: "piecewiseExponential",
  /** h(t) = rate·e^(shape·t); a negative shape gives a plateau (a share that never has the event). */
  gompertz: "gompertz",
  /** A baseline model with its hazard multiplied by a constant (S = S₀^HR); see `proportionalHazards`. */
  proportionalHazards: "proportionalHazards",
  /** A weighted mixture of models (a heterogeneous cohort); see `mixture`. */
  mixture: "mixture",
} as const;
export type SurvivalFamily = (typeof SurvivalFamily)[keyof typeof SurvivalFamily];

/** The families that `fromMedian` and `fromMedianAndLandmark` can build from reported figures. */
export const ParametricFamily = {
  exponential: "exponential",
  weibull: "weibull",
  logNormal: "logNormal",
  logLogistic: "logLogistic",
  piecewiseExponential: "piecewiseExponential",
} as const;
export type ParametricFamily = (typeof ParametricFamily)[keyof typeof ParametricFamily];

/** Type guard for {@link ParametricFamily}. */
export function isParametricFamily(value: unknown): value is ParametricFamily {
  return typeof value === "string" && Object.hasOwn(ParametricFamily, value);
}

/**
 * A distribution of a time to event T ≥ 0 (months in pnen-sim), as plain, frozen functions and numbers.
 *
 * - `survival(t)` = S(t) = P(T > t); `cumulativeHazard(t)` = H(t) = −ln S(t); `hazard(t)` = h(t) = f(t)/S(t);
 *   `density(t)` = f(t).
 * - `quantile(p)` = the time by which a share p has had the event, i.e. S(t) = 1 − p; `median` = quantile(0.5).
 * - `sample(u)` = quantile(u): inverse transform. For u uniform on [0, 1) it is a draw of T, and it increases
 *   with u, so feeding the same u to two strategies couples their times comonotonically (common random
 *   numbers). Allocation-free, no argument checks (the factories validate). `sample(0)` is 0, an event at
 *   time 0: Alea returns exactly 0 about once in 2³² draws, so a 10-million-patient run may see one.
 * - `mean` where a closed form exists (Infinity where the mean is infinite); undefined otherwise.
 *
 * Functions are properties (closures), so `const draw = model.sample` works unbound.
 */
export interface SurvivalModelBase {
  readonly family: SurvivalFamily;
  readonly median: number;
  readonly mean: number | undefined;
  readonly survival: (time: number) => number;
  readonly hazard: (time: number) => number;
  readonly cumulativeHazard: (time: number) => number;
  readonly density: (time: number) => number;
  readonly quantile: (probability: number) => number;
  readonly sample: (uniform: number) => number;
}

/** Constant hazard `rate`: S(t) = exp(−rate·t). */
export interface ExponentialModel extends SurvivalModelBase {
  readonly family: "exponential";
  readonly rate: number;
}

/** S(t) = exp(−(t/scale)^shape); shape > 1 rising hazard, < 1 falling, = 1 exponential. */
export interface WeibullModel extends SurvivalModelBase {
  readonly family: "weibull";
  readonly shape: number;
  readonly scale: number;
}

/** ln T ~ N(meanlog, sdlog²) (R's `plnorm` parameters): S(t) = 1 − Φ((ln t − meanlog)/sdlog). */
export interface LogNormalModel extends SurvivalModelBase {
  readonly family: "logNormal";
  readonly meanlog: number;
  readonly sdlog: number;
}

/** S(t) = 1/(1 + (t/scale)^shape); scale is the median. Hazard rises then falls when shape > 1. */
export interface LogLogisticModel extends SurvivalModelBase {
  readonly family: "logLogistic";
  readonly shape: number;
  readonly scale: number;
}

/**
 * Constant hazard `rates[j]` on [cutpoints[j − 1], cutpoints[j]) with cutpoints[−1] = 0 and the last rate
 * running to infinity (`cutpoints.length === rates.length − 1`, increasing, positive).
 */
export interface PiecewiseExponentialModel extends SurvivalModelBase {
  readonly family: "piecewiseExponential";
  readonly cutpoints: readonly number[];
  readonly rates: readonly number[];
}

/**
 * Hazard rate·e^(shape·t): S(t) = exp(−(rate/shape)(e^(shape·t) − 1)) (flexsurv's parameterisation). shape = 0 is
 * the exponential; shape < 0 levels off at S(∞) = e^(rate/shape), where quantiles beyond it are Infinity.
 */
export interface GompertzModel extends SurvivalModelBase {
  readonly family: "gompertz";
  readonly shape: number;
  readonly rate: number;
}

/** S(t) = S_baseline(t)^hazardRatio: the generic proportional-hazards transform of any model. */
export interface ProportionalHazardsModel extends SurvivalModelBase {
  readonly family: "proportionalHazards";
  readonly baseline: SurvivalModel;
  readonly hazardRatio: number;
}

/** One part of a {@link MixtureModel}. */
export interface MixtureComponent {
  readonly weight: number;
  readonly model: SurvivalModel;
}

/** S(t) = Σ wᵢ Sᵢ(t) / Σ wᵢ: the population survival of a cohort made of groups. */
export interface MixtureModel extends SurvivalModelBase {
  readonly family: "mixture";
  readonly components: readonly MixtureComponent[];
}

export type SurvivalModel =
  | ExponentialModel
  | WeibullModel
  | LogNormalModel
  | LogLogisticModel
  | PiecewiseExponentialModel
  | GompertzModel
  | ProportionalHazardsModel
  | MixtureModel;
