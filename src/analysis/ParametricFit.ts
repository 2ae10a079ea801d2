/**
 * The parametric families `fitParametric` fits, as an `as const` enumeration. The first four are R `survreg`'s
 * location–scale families on log time (accelerated failure time); Gompertz and piecewise exponential are
 * proportional-hazards families, which survreg does not have.
 */
export const FitDistribution = {
  exponential: "exponential",
  weibull: "weibull",
  logNormal: "logNormal",
  logLogistic: "logLogistic",
  gompertz: "gompertz",
  piecewiseExponential: "piecewiseExponential",
} as const;
export type FitDistribution = (typeof FitDistribution)[keyof typeof FitDistribution];

/** Type guard for {@link FitDistribution}. */
export function isFitDistribution(value: unknown): value is FitDistribution {
  return typeof value === "string" && Object.hasOwn(FitDistribution, value);
}

/** Every distribution, in the order tables list them. */
export const fitDistributions: readonly FitDistribution[] = Object.values(FitDistribution);

/** R survreg's `dist =` name of each family it has; null for the families it has not. */
export const survregDistributionName: Readonly<Record<FitDistribution, string | null>> = {
  exponential: "exponential",
  weibull: "weibull",
  logNormal: "lognormal",
  logLogistic: "loglogistic",
  gompertz: null,
  piecewiseExponential: null,
};

/**
 * How a group coefficient acts: "timeRatio" for the accelerated-failure-time families (exp(coefficient)
 * stretches the time scale: every quantile of that group is that many times the reference group's), and
 * "hazardRatio" for the proportional-hazards families (exp(coefficient) multiplies the hazard).
 */
export type GroupEffect = "timeRatio" | "hazardRatio";

/** The estimates as R's `survreg` reports them: `coef(fit)` by R's names and `fit$scale`. */
export interface SurvregEstimates {
  /** "(Intercept)" and one coefficient per non-reference group, named as R names a factor's terms: `<groupName><level>`. */
  readonly coefficients: Readonly<Record<string, number>>;
  /** σ, the scale of the error on the log-time scale (1, fixed, for the exponential). */
  readonly scale: number;
}

/**
 * A fitted parametric model of right-censored data. Plain and immutable; the parameter vector and its
 * covariance are what a probabilistic sensitivity analysis draws from (multivariate normal), and
 * `fittedSurvivalModel` turns any such vector into the engine's survival models.
 *
 * The parameter vector, per family (group coefficients are for each non-reference group, in level order):
 * - exponential:            ["(Intercept)", group…]                 (σ fixed at 1; as survreg)
 * - weibull, logNormal, logLogistic: ["(Intercept)", group…, "Log(scale)"]  (as survreg's `fit$var`)
 * - gompertz:               ["shape", "log(rate)", group…]           (group terms are log hazard ratios)
 * - piecewiseExponential:   ["log(rate1)", …, "log(rateK)", group…]  (group terms are log hazard ratios)
 */
export interface ParametricFit {
  readonly distribution: FitDistribution;
  /** Number of subjects and of events. */
  readonly n: number;
  readonly events: number;
  /** Group levels, reference first (R's factor order); `["all"]` without a group. */
  readonly groups: readonly string[];
  /** The name of the group variable, used in coefficient names (`"arm"` gives `"armB"`); null without a group. */
  readonly groupName: string | null;
  /** How the group coefficients act (null without a group). */
  readonly groupEffect: GroupEffect | null;
  /** Cut points of the piecewise-exponential pieces; empty for the other families. */
  readonly cutpoints: readonly number[];
  /** Names of the estimated parameters, in the order of `estimates` and `covariance`. */
  readonly parameterNames: readonly string[];
  /** Maximum-likelihood estimates on the estimation scale (see above). */
  readonly estimates: readonly number[];
  /** Square roots of the diagonal of `covariance`. */
  readonly standardErrors: readonly number[];
  /** Inverse of the observed information (minus the Hessian of the log-likelihood) at the estimate, row-major. */
  readonly covariance: readonly (readonly number[])[];
  /** Log-likelihood on the time scale (density for events, survival for censorings), as R's `logLik(survreg)`. */
  readonly logLikelihood: number;
  /** Number of estimated parameters. */
  readonly df: number;
  /** −2 logLik + 2 df. */
  readonly aic: number;
  /** −2 logLik + df · ln(n), n the number of subjects (as R's `BIC()` for survreg). */
  readonly bic: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** The estimates as R's survreg reports them, for the families it has; null for Gompertz and piecewise. */
  readonly survreg: SurvregEstimates | null;
}
