import type { ArmSurvivalSpec, ArmMixtureComponent } from "./TrialDesign.js";
import { countAtOrBelow } from "../util/sortedSearch.js";
import { cumulativeHazard, inverseCumulativeHazard, scaleHazard, type PiecewiseHazard } from "./piecewiseHazard.js";

/**
 * The numeric form of an arm's event-time distribution: its survival function and its inverse. An event time
 * is drawn by inversion, `quantile(u)` with u uniform (S(T) is uniform), so a stratum with hazard multiplier m
 * (survival S^m) draws `quantile(u^(1/m))` from the same model.
 */
export interface ArmModel {
  /** S(t), the probability of no event by month t. */
  readonly survival: (t: number) => number;
  /** The time t with S(t) = p (0 < p ≤ 1); Infinity where the survival never falls to p. */
  readonly quantile: (p: number) => number;
  readonly median: number;
  /** A single Weibull: its shape (1 = exponential); null for mixtures. Two arms with the same shape have proportional hazards. */
  readonly weibullShape: number | null;
  /** Exact hazard ratio to the control when the arm was defined as one (and has no delay); null otherwise. */
  readonly hazardRatioToControl: number | null;
  /**
   * The arm's hazard when it is piecewise constant (exponential, piecewise-exponential, or a hazard ratio to
   * such a control, delayed or not): the event probabilities then have a closed form. Null otherwise.
   */
  readonly hazard: PiecewiseHazard | null;
}

/**
 * Resolves an arm's survival specification; `control` is the resolved control arm (needed by hazard-ratio arms,
 * null for the control itself). Cost: O(1) per survival or quantile call for Weibull arms; mixtures invert
 * their survival by bisection on log time (60 steps).
 */
export function armModel(spec: ArmSurvivalSpec, control: ArmModel | null): ArmModel {
  switch (spec.kind) {
    case "weibull":
      return weibullModel(spec.median, spec.shape);
    case "mixture":
      return mixtureModel(spec.components);
    case "empirical":
      return empiricalModel(spec.time, spec.survival);
    case "piecewise":
      return piecewiseModel({ starts: spec.startMonths, rates: spec.ratesPerMonth });
    case "strategy":
      throw new Error(`armModel: strategy arm '${spec.strategy}' must be resolved into an empirical arm first (resolveStrategyArmsNode)`);
    case "hazardRatio": {
      if (control === null) throw new Error("armModel requires a control arm for a hazard-ratio arm");
      const hazardRatio = spec.hazardRatio;
      const delay = spec.delayMonths ?? 0;
      if (delay > 0) return delayedEffectModel(control, hazardRatio, delay);
      const survival = (t: number) => Math.pow(control.survival(t), hazardRatio);
      const quantile = (p: number) => control.quantile(Math.pow(p, 1 / hazardRatio));
      const hazard = control.hazard === null ? null : scaleHazard(control.hazard, hazardRatio);
      return { survival, quantile, median: quantile(0.5), weibullShape: control.weibullShape, hazardRatioToControl: hazardRatio, hazard };
    }
  }
}

/**
 * A delayed effect: the control's hazard until month d, then HR times it. S(t) = S₀(t) for t ≤ d and
 * S₀(d)^{1 − HR} · S₀(t)^{HR} after; inverted piece by piece. Hazards are not proportional (weibullShape null).
 */
function delayedEffectModel(control: ArmModel, hazardRatio: number, delay: number): ArmModel {
  const atDelay = control.survival(delay);
  const survival = (t: number) => (t <= delay ? control.survival(t) : Math.pow(atDelay, 1 - hazardRatio) * Math.pow(control.survival(t), hazardRatio));
  const quantile = (p: number) => (p >= atDelay ? control.quantile(p) : control.quantile(Math.pow(p / Math.pow(atDelay, 1 - hazardRatio), 1 / hazardRatio)));
  let hazard: PiecewiseHazard | null = null;
  if (control.hazard !== null) {
    const starts = [...control.hazard.starts];
    const rates = [...control.hazard.rates];
    // Split at the delay, then scale every piece from it on.
    let index = starts.findIndex((start) => start >= delay);
    if (index === -1 || starts[index] !== delay) {
      const at = index === -1 ? starts.length : index;
      starts.splice(at, 0, delay);
      rates.splice(at, 0, rates[at - 1]);
      index = at;
    }
    for (let j = index; j < rates.length; j++) rates[j] *= hazardRatio;
    hazard = { starts, rates };
  }
  return { survival, quantile, median: quantile(0.5), weibullShape: null, hazardRatioToControl: null, hazard };
}

/** Piecewise-exponential arm: S(t) = exp(−H(t)), drawn by inverting H. O(pieces) per call. */
function piecewiseModel(hazard: PiecewiseHazard): ArmModel {
  const survival = (t: number) => Math.exp(-cumulativeHazard(hazard, t));
  const quantile = (p: number) => inverseCumulativeHazard(hazard, -Math.log(p));
  const single = hazard.rates.length === 1;
  return { survival, quantile, median: quantile(0.5), weibullShape: single ? 1 : null, hazardRatioToControl: null, hazard };
}

/** Weibull with median M and shape k: S(t) = exp(−ln 2 · (t/M)^k); k = 1 is the exponential with rate ln 2 / M. */
export function weibullModel(median: number, shape: number): ArmModel {
  const survival = shape === 1 ? (t: number) => Math.exp((-Math.LN2 * t) / median) : (t: number) => Math.exp(-Math.LN2 * Math.pow(t / median, shape));
  const quantile = shape === 1 ? (p: number) => (-Math.log(p) / Math.LN2) * median : (p: number) => median * Math.pow(-Math.log(p) / Math.LN2, 1 / shape);
  return { survival, quantile, median, weibullShape: shape, hazardRatioToControl: null, hazard: shape === 1 ? { starts: [0], rates: [Math.LN2 / median] } : null };
}

function mixtureModel(components: readonly ArmMixtureComponent[]): ArmModel {
  const total = components.reduce((sum, c) => sum + c.weight, 0);
  const parts = components.map((c) => ({ weight: c.weight / total, model: weibullModel(c.median, c.shape) }));
  const survival = (t: number) => {
    let s = 0;
    for (const part of parts) s += part.weight * part.model.survival(t);
    return s;
  };
  const largest = Math.max(...parts.map((part) => part.model.median));
  const quantile = (p: number) => {
    if (p >= 1) return 0;
    // Bracket on log time, then bisect: the survival is continuous and decreasing.
    let high = largest;
    while (survival(high) > p) {
      high *= 4;
      if (high > 1e12) return Infinity;
    }
    let logLow = Math.log(Math.min(...parts.map((part) => part.model.median)) * 1e-9);
    let logHigh = Math.log(high);
    for (let step = 0; step < 60; step++) {
      const middle = (logLow + logHigh) / 2;
      if (survival(Math.exp(middle)) > p) logLow = middle;
      else logHigh = middle;
    }
    return Math.exp((logLow + logHigh) / 2);
  };
  return { survival, quantile, median: quantile(0.5), weibullShape: null, hazardRatioToControl: null, hazard: null };
}

/**
 * A survival step function: S(t) = survival[i] for time[i] ≤ t < time[i + 1], 1 before time[0]. Its quantile
 * is the first time where S ≤ p (so an event time drawn by inversion is a draw from the step function),
 * Infinity where the curve stays above p (a plateau: no event). O(log rows) per call.
 */
function empiricalModel(time: readonly number[], survival: readonly number[]): ArmModel {
  const times = Float64Array.from(time);
  const values = Float64Array.from(survival);
  const rows = times.length;
  const survivalAt = (t: number) => {
    const atOrBefore = countAtOrBelow(times, t); // rows with time ≤ t
    return atOrBefore === 0 ? 1 : values[atOrBefore - 1];
  };
  const quantile = (p: number) => {
    // First row with survival ≤ p (the curve is non-increasing).
    let low = 0;
    let high = rows;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (values[middle] <= p) high = middle;
      else low = middle + 1;
    }
    return low === rows ? Infinity : times[low];
  };
  return { survival: survivalAt, quantile, median: quantile(0.5), weibullShape: null, hazardRatioToControl: null, hazard: null };
}
