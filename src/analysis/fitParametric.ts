import { codeLabels, eventTableCore, validateSurvivalData, type EventTable, type Label } from "./eventTable.js";
import { gompertzFit } from "./gompertzFit.js";
import { extremeValueError, logisticError, normalError, type LocationScaleError } from "./locationScaleErrors.js";
import { locationScaleFit } from "./locationScaleFit.js";
import { isFitDistribution, survregDistributionName, type FitDistribution, type ParametricFit } from "./ParametricFit.js";
import { pieceTotals, piecewiseExponentialFit } from "./piecewiseExponentialFit.js";
import { survivalCells, type SurvivalCells } from "./survivalCells.js";

export interface FitParametricOptions {
  /** A group label per subject (e.g. treatment arm): a factor, coded against its first level as R does. */
  readonly group?: ArrayLike<Label>;
  /** Level order of the group, reference first. Default: numeric or string order, as R's factor(). */
  readonly groupLevels?: readonly string[];
  /** The group variable's name, which prefixes R's coefficient names (`"arm"` → `"armB"`); default "group". */
  readonly groupName?: string;
  /** Cut points of the pieces (positive, increasing), required for "piecewiseExponential". */
  readonly cutpoints?: readonly number[];
  /** Newton steps at most; default 100. */
  readonly maxIterations?: number;
}

/**
 * Fits a parametric survival model to right-censored data by maximum likelihood, as
 * `survreg(Surv(time, event) ~ group, dist = …)` in R for the four families it has (exponential, Weibull,
 * log-normal, log-logistic: accelerated failure time, the group shifting log time), and for Gompertz and
 * piecewise exponential with given cut points (the group multiplying the hazard). Returns the estimates,
 * their covariance (inverse observed information), the log-likelihood on the time scale, AIC and BIC; see
 * {@link ParametricFit} for the parameter vector of each family, and `fittedSurvivalModel` for the fitted curves
 * as the engine's survival models.
 *
 *   time, event, group ─▶ validate ─▶ event table (exact times) ─▶ cells (time × group, events, censorings)
 *     ─▶ locationScaleFit | gompertzFit | pieceTotals → piecewiseExponentialFit ─▶ estimates, covariance, logLik
 *
 * Throws a RangeError naming the problem: a time ≤ 0 for the log-time families (as survreg: "Invalid
 * survival times for this distribution"), no events at all or none in a group (its coefficient would be
 * infinite), a group with a single level, bad cut points or a piece without events. Cost: O(n + m log m) for
 * the event table of n subjects with m distinct times, then O(cells) per Newton step (about 5–10 steps).
 */
export function fitParametric(
  time: ArrayLike<number>,
  event: ArrayLike<number | boolean>,
  distribution: FitDistribution,
  options: FitParametricOptions = {},
): ParametricFit {
  return fitParametricModels(time, event, [distribution], options)[0]!;
}

/**
 * Fits several families to the same data (one event table for all) and returns them ranked by AIC, best
 * first (ties keep the order given); fits that did not converge (no finite maximum, e.g. a degenerate shape)
 * come after all that did, whatever their AIC. See {@link fitParametric}.
 */
export function fitParametricModels(
  time: ArrayLike<number>,
  event: ArrayLike<number | boolean>,
  distributions: readonly FitDistribution[],
  options: FitParametricOptions = {},
): ParametricFit[] {
  const caller = "fitParametric";
  const status = validateSurvivalData(caller, time, event);
  const n = time.length;
  if (n === 0) throw new RangeError(`${caller} requires at least one observation`);
  const logTime = distributions.find((d) => survregDistributionName[d] !== null);
  for (let i = 0; i < n; i++) {
    const t = time[i]!;
    if (t < 0 || (logTime !== undefined && t === 0)) {
      throw new RangeError(`${caller}: time[${i}] must be ${t < 0 ? "non-negative" : `positive for the ${logTime} distribution (a model of log time)`}, got ${t}`);
    }
  }
  const coding = codeLabels(caller, "group", options.group, n, options.groupLevels);
  if (options.group !== undefined && coding.levels.length < 2) {
    throw new RangeError(`${caller}: the group has a single level '${coding.levels[0]}'; fit without a group for one curve`);
  }
  const none = new Int32Array(n);
  const table = eventTableCore(time, status, coding.index, coding.levels, none, ["all"], false);
  return fitParametricModelsFromTable(table, distributions, { ...options, grouped: options.group !== undefined });
}

/**
 * {@link fitParametricModels} on an event table already built (one stratum; its groups are the factor, first
 * level the reference): the path for large data read as codes, e.g. by the CLI, which skips re-coding labels.
 * Build the table with `timefix = false` (exact times, as survreg). `grouped: false` with one group fits one curve.
 */
export function fitParametricModelsFromTable(
  table: EventTable,
  distributions: readonly FitDistribution[],
  options: Omit<FitParametricOptions, "group" | "groupLevels"> & { readonly grouped?: boolean } = {},
): ParametricFit[] {
  const caller = "fitParametric";
  if (distributions.length === 0) throw new RangeError(`${caller} requires at least one distribution`);
  for (const distribution of distributions) {
    if (!isFitDistribution(distribution)) throw new RangeError(`${caller}: unknown distribution ${String(distribution)}; expected one of exponential, weibull, logNormal, logLogistic, gompertz, piecewiseExponential`);
  }
  if (table.strata.length !== 1) throw new RangeError(`${caller} fits one stratum, got ${table.strata.length}`);
  const logTime = distributions.find((d) => survregDistributionName[d] !== null);
  if (logTime !== undefined && table.time.length > 0 && !(table.time[0]! > 0)) {
    throw new RangeError(`${caller}: times must be positive for the ${logTime} distribution (a model of log time), got ${table.time[0]}`);
  }
  const grouped = options.grouped ?? table.groups.length > 1;
  const cells = survivalCells(table);
  if (cells.n === 0) throw new RangeError(`${caller} requires at least one observation`);
  if (cells.totalEvents === 0) throw new RangeError(`${caller} requires at least one event`);
  table.groups.forEach((level, g) => {
    if (grouped && cells.groupEvents[g] === 0) throw new RangeError(`${caller}: group '${level}' has no events, so its coefficient is not estimable (it would be infinite)`);
  });
  const groupName = grouped ? (options.groupName ?? "group") : null;
  const terms = grouped ? table.groups.slice(1).map((level) => `${groupName}${level}`) : [];
  const context: FitContext = { cells, groups: grouped ? table.groups : ["all"], groupName, terms, maxIterations: options.maxIterations ?? 100 };
  const fits = distributions.map((distribution) => fitOne(context, distribution, options.cutpoints));
  return fits
    .map((fit, order) => ({ fit, order }))
    .sort((a, b) => Number(b.fit.converged) - Number(a.fit.converged) || a.fit.aic - b.fit.aic || a.order - b.order)
    .map(({ fit }) => fit);
}

interface FitContext {
  readonly cells: SurvivalCells;
  readonly groups: readonly string[];
  readonly groupName: string | null;
  readonly terms: readonly string[];
  readonly maxIterations: number;
}

const errors: Readonly<Record<"exponential" | "weibull" | "logNormal" | "logLogistic", LocationScaleError>> = {
  exponential: extremeValueError,
  weibull: extremeValueError,
  logNormal: normalError,
  logLogistic: logisticError,
};

function fitOne(context: FitContext, distribution: FitDistribution, cutpoints: readonly number[] | undefined): ParametricFit {
  const { cells, terms } = context;
  const common = {
    distribution,
    n: cells.n,
    events: cells.totalEvents,
    groups: context.groups,
    groupName: context.groupName,
  };
  if (distribution === "gompertz") {
    const core = gompertzFit(cells, context.maxIterations);
    return assemble({ ...common, groupEffect: "hazardRatio", cutpoints: [], parameterNames: ["shape", "log(rate)", ...terms], survreg: null }, core);
  }
  if (distribution === "piecewiseExponential") {
    const cuts = checkCutpoints(cutpoints);
    const totals = pieceTotals(cells, cuts);
    for (let j = 0; j < totals.pieces; j++) {
      let events = 0;
      let exposure = 0;
      for (let g = 0; g < totals.groups; g++) {
        events += totals.events[j * totals.groups + g]!;
        exposure += totals.exposure[j * totals.groups + g]!;
      }
      const label = `piece ${j + 1} [${j === 0 ? 0 : cuts[j - 1]}, ${j < cuts.length ? cuts[j] : "∞"})`;
      if (exposure === 0) throw new RangeError(`fitParametric: ${label} has no follow-up time: every cut point must be before the last time`);
      if (events === 0) throw new RangeError(`fitParametric: ${label} has no events, so its rate would be 0 with no standard error; choose other cut points`);
    }
    const core = piecewiseExponentialFit(totals, context.maxIterations);
    const names = Array.from({ length: totals.pieces }, (_, j) => `log(rate${j + 1})`);
    return assemble({ ...common, groupEffect: "hazardRatio", cutpoints: cuts, parameterNames: [...names, ...terms], survreg: null }, core);
  }
  const fixedScale = distribution === "exponential";
  const core = locationScaleFit(cells, errors[distribution], fixedScale, context.maxIterations);
  const names = ["(Intercept)", ...terms];
  const coefficients = Object.fromEntries(names.map((name, j) => [name, core.coefficients[j]!]));
  const estimates = [...core.coefficients, ...(fixedScale ? [] : [Math.log(core.scale)])];
  return assemble(
    {
      ...common,
      groupEffect: "timeRatio",
      cutpoints: [],
      parameterNames: fixedScale ? names : [...names, "Log(scale)"],
      survreg: { coefficients, scale: core.scale },
    },
    { estimates, logLikelihood: core.logLikelihood, covariance: core.covariance, iterations: core.iterations, converged: core.converged },
  );
}

function assemble(
  description: Omit<ParametricFit, "estimates" | "standardErrors" | "covariance" | "logLikelihood" | "df" | "aic" | "bic" | "converged" | "iterations" | "groupEffect"> & {
    groupEffect: "timeRatio" | "hazardRatio";
  },
  core: { estimates: ArrayLike<number>; logLikelihood: number; covariance: number[][]; iterations: number; converged: boolean },
): ParametricFit {
  const estimates = Array.from(core.estimates);
  const df = estimates.length;
  const grouped = description.groups.length > 1;
  return {
    ...description,
    groupEffect: grouped ? description.groupEffect : null,
    estimates,
    standardErrors: core.covariance.map((row, i) => Math.sqrt(row[i]!)),
    covariance: core.covariance,
    logLikelihood: core.logLikelihood,
    df,
    aic: -2 * core.logLikelihood + 2 * df,
    bic: -2 * core.logLikelihood + df * Math.log(description.n),
    converged: core.converged,
    iterations: core.iterations,
  };
}

function checkCutpoints(cutpoints: readonly number[] | undefined): number[] {
  if (cutpoints === undefined) throw new RangeError("fitParametric: the piecewiseExponential distribution requires cutpoints (e.g. [6, 12, 24])");
  for (let j = 0; j < cutpoints.length; j++) {
    const c = cutpoints[j]!;
    if (!(Number.isFinite(c) && c > (j === 0 ? 0 : cutpoints[j - 1]!))) {
      throw new RangeError(`fitParametric: cutpoints must be positive, finite and increasing, got [${cutpoints.join(", ")}]`);
    }
  }
  return [...cutpoints];
}
