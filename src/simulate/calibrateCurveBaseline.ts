import { InputError } from "../util/InputError.js";
import { type CurveBaseline, type CurveFamily, curveBaselineTime } from "../survival/curveBaseline.js";
import type { SurvivalModel } from "../survival/SurvivalModel.js";

/** Times on which the simulated and the target curve are compared: this many, evenly over (0, follow-up]. */
export const curveCalibrationGridSize = 40;

/** The result of {@link calibrateCurveBaseline}. */
export interface CurveCalibration {
  readonly baseline: CurveBaseline;
  /** The baseline's time scale λ (the model's `pfsScale`). */
  readonly scale: number;
  /** Where the scale search starts: the target's median, or the follow-up when later (see {@link calibrateCurveBaseline}). */
  readonly pivotMonths: number;
  /** Root mean square and largest absolute difference between the simulated and target survival on the grid. */
  readonly rootMeanSquare: number;
  readonly largestDifference: number;
  /** Objective evaluations spent. */
  readonly evaluations: number;
}

/**
 * Calibrates a treatment's baseline to a whole target curve (issue 16) on a population-matched calibration cohort.
 *
 * The cohort's patients have hazard-scale exposures xᵢ = Eᵢ/(HRᵢ·Zᵢ·r^(line−1)) (unit exponential over patient
 * factors, frailty and the later-line ratio) and competing death times Dᵢ (Infinity where no death competes). With
 * a baseline of the target's family at dimensionless shape k and time scale λ, a patient's PFS is
 * min(λ·t_k(xᵢ), Dᵢ) with t_k = {@link curveBaselineTime}, so the population's PFS curve is
 * S_sim(t) = (1/n)·#{i : Dᵢ > t, λ·t_k(xᵢ) > t}. Because patient factors and frailty mix the baseline, the
 * population's curve is not the baseline's: the baseline that reproduces the target *in that population* is found
 * by choosing (k, λ) to minimise Σ_g (S_sim(t_g) − S_target(t_g))² over 40 times evenly spread over (0, follow-up] (the data's
 * range; beyond it the fitted family extrapolates), by nested golden-section searches:
 * 1. for a given k, λ₀ makes the simulated curve meet the target exactly at the pivot t* (the target's median, or
 *    the end of follow-up when the median lies beyond it): t* over the ⌈n·S(t*)⌉-th largest t_k(xᵢ) among the
 *    patients alive at t* (by selection, O(n); the closed form of the median-only calibration); the best λ is then
 *    searched on ln λ within ±0.4 of ln λ₀ (the unit times are reused, so each step is one O(n) pass);
 * 2. k is searched on ln k (on c itself for the Gompertz, whose c = shape/rate may be negative) within ±1.5 of the
 *    target's own shape. A bracket whose minimum lands on its edge is moved. An exponential target has no shape:
 *    only λ.
 * The median is then reproduced within the remaining misfit, not exactly (a whole curve is the target, not one
 * point of it).
 *
 * The misfit left (`rootMeanSquare`, `largestDifference`) is the part of the target a proportional-hazards baseline
 * of that family cannot reproduce in a heterogeneous population; the calibration report shows it at landmarks.
 * Throws an InputError when the target cannot be reached (too many deaths before the pivot). Deterministic; cost
 * O(n) per objective evaluation: about 20 shapes × (one pass of powers + 20 scales), some 100 ms for 20,000 patients.
 */
export function calibrateCurveBaseline(
  exposure: Float64Array,
  deathMonths: Float64Array,
  target: SurvivalModel,
  family: CurveFamily,
  initialShape: number,
  followUpMonths: number,
  what: string,
): CurveCalibration {
  const n = exposure.length;
  const grid = curveCalibrationGridSize;
  const step = followUpMonths / grid;
  const targetSurvival = new Float64Array(grid + 1);
  for (let g = 1; g <= grid; g++) targetSurvival[g] = target.survival(g * step);
  const pivot = Number.isFinite(target.median) && target.median < followUpMonths ? target.median : followUpMonths;
  const required = Math.ceil(n * target.survival(pivot));
  const alive: number[] = [];
  for (let i = 0; i < n; i++) if (deathMonths[i] > pivot) alive.push(i);
  if (alive.length < required || required < 1) {
    throw new InputError(`calibration: ${what}: the target curve's survival of ${(100 * target.survival(pivot)).toFixed(1)}% at ${pivot.toPrecision(4)} months cannot be reached: ${((1 - alive.length / n) * 100).toFixed(0)}% of the calibration cohort dies before then`);
  }
  const unit = new Float64Array(n);
  const candidates = new Float64Array(alive.length);
  const counts = new Float64Array(grid + 2);
  let evaluations = 0;
  // the squared distance between the simulated and the target curve on the grid, for unit times in `unit` and scale λ
  const distance = (lambda: number): { objective: number; largest: number } => {
    evaluations++;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const pfs = Math.min(lambda * unit[i]!, deathMonths[i]!);
      // the number of grid times strictly before this PFS: it counts in S_sim(t_g) for g below that
      const below = pfs === Infinity ? grid : Math.min(grid, Math.ceil(pfs / step) - 1);
      counts[below < 0 ? 0 : below]++;
    }
    let objective = 0;
    let largest = 0;
    let atLeast = 0;
    for (let g = grid; g >= 1; g--) {
      atLeast += counts[g]!;
      const difference = atLeast / n - targetSurvival[g]!;
      objective += difference * difference;
      if (Math.abs(difference) > largest) largest = Math.abs(difference);
    }
    return { objective, largest };
  };
  // for a shape: the unit times, the scale meeting the target at the pivot, then the best scale near it
  const evaluate = (shape: number): { objective: number; scale: number; largest: number } => {
    for (let i = 0; i < n; i++) unit[i] = curveBaselineTime(family, shape, exposure[i]!);
    for (let a = 0; a < alive.length; a++) candidates[a] = unit[alive[a]!]!;
    // λ such that exactly `required` of the patients alive at the pivot are still progression-free there
    const threshold = selectKth(candidates, alive.length, alive.length - required);
    // a shape whose baseline never reaches the pivot's survival (a Gompertz plateau too high) cannot fit
    if (!(threshold > 0 && threshold < Infinity)) return { objective: Infinity, scale: Number.NaN, largest: 1 };
    const centre = Math.log(pivot / threshold);
    const best = goldenSection((logScale) => distance(Math.exp(logScale)), centre - 0.4, centre + 0.4, 1e-4);
    return { objective: best.value.objective, scale: Math.exp(best.at), largest: best.value.largest };
  };
  const logShape = family !== "gompertz";
  const toShape = (s: number) => (logShape ? Math.exp(s) : s);
  let best: { at: number; value: { objective: number; scale: number; largest: number } };
  if (family === "exponential") best = { at: 0, value: evaluate(1) };
  else {
    const start = logShape ? Math.log(initialShape) : initialShape;
    best = goldenSection((s) => evaluate(toShape(s)), start - 1.5, start + 1.5, 1e-3);
  }
  const scale = best.value.scale;
  if (!(scale > 0 && scale < Infinity)) throw new InputError(`calibration: ${what}: no ${family} baseline reproduces the target curve in this population (its survival at the pivot, ${pivot.toPrecision(4)} months, is out of reach for every shape tried)`);
  return {
    baseline: { family, shape: family === "exponential" ? 1 : toShape(best.at) },
    scale,
    pivotMonths: pivot,
    rootMeanSquare: Math.sqrt(best.value.objective / grid),
    largestDifference: best.value.largest,
    evaluations,
  };
}

/**
 * The minimum of f on [low, high] by golden-section search to a bracket of `tolerance`; when it lands within 1% of
 * the bracket's width from an edge, the bracket is moved that way (at most four times), so that a minimum outside
 * the first guess is still found. O(log(width/tolerance)) evaluations per bracket.
 */
function goldenSection<T extends { objective: number }>(f: (x: number) => T, low: number, high: number, tolerance: number): { at: number; value: T } {
  const golden = (Math.sqrt(5) - 1) / 2;
  const width = high - low;
  for (let moves = 0; ; moves++) {
    let a = low;
    let b = high;
    let c = b - golden * (b - a);
    let d = a + golden * (b - a);
    let fc = f(c);
    let fd = f(d);
    while (b - a > tolerance) {
      if (fc.objective <= fd.objective) {
        b = d;
        d = c;
        fd = fc;
        c = b - golden * (b - a);
        fc = f(c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + golden * (b - a);
        fd = f(d);
      }
    }
    const best = fc.objective <= fd.objective ? { at: c, value: fc } : { at: d, value: fd };
    const nearLow = best.at - low < 0.01 * width;
    const nearHigh = high - best.at < 0.01 * width;
    if (moves === 4 || (!nearLow && !nearHigh)) return best;
    low = nearLow ? low - 0.8 * width : high - 0.2 * width;
    high = low + width;
  }
}

/** The k-th smallest (0-based) of `values[0..count)`, rearranging them (Hoare's selection). Expected O(count). */
function selectKth(values: Float64Array, count: number, k: number): number {
  let left = 0;
  let right = count - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k]!;
  }
  return values[k]!;
}
