import type { ArmSurvivalSpec, ArmMixtureComponent } from "./TrialDesign.js";
import { countAtOrBelow } from "../util/sortedSearch.js";

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
  /** Exact hazard ratio to the control when the arm was defined as one; null otherwise. */
  readonly hazardRatioToControl: number | null;
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
    case "strategy":
      throw new Error(`armModel: strategy arm '${spec.strategy}' must be resolved into an empirical arm first (resolveStrategyArmsNode)`);
    case "hazardRatio": {
      if (control === null) throw new Error("armModel requires a control arm for a hazard-ratio arm");
      const hazardRatio = spec.hazardRatio;
      const survival = (t: number) => Math.pow(control.survival(t), hazardRatio);
      const quantile = (p: number) => control.quantile(Math.pow(p, 1 / hazardRatio));
      return { survival, quantile, median: quantile(0.5), weibullShape: control.weibullShape, hazardRatioToControl: hazardRatio };
    }
  }
}

/** Weibull with median M and shape k: S(t) = exp(−ln 2 · (t/M)^k); k = 1 is the exponential with rate ln 2 / M. */
export function weibullModel(median: number, shape: number): ArmModel {
  const survival = shape === 1 ? (t: number) => Math.exp((-Math.LN2 * t) / median) : (t: number) => Math.exp(-Math.LN2 * Math.pow(t / median, shape));
  const quantile = shape === 1 ? (p: number) => (-Math.log(p) / Math.LN2) * median : (p: number) => median * Math.pow(-Math.log(p) / Math.LN2, 1 / shape);
  return { survival, quantile, median, weibullShape: shape, hazardRatioToControl: null };
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
  return { survival, quantile, median: quantile(0.5), weibullShape: null, hazardRatioToControl: null };
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
  return { survival: survivalAt, quantile, median: quantile(0.5), weibullShape: null, hazardRatioToControl: null };
}
