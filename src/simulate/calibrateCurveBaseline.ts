import { InputError } from "../util/InputError.js";
import { type CurveBaseline, type CurveFamily, curveBaselineCumulativeHazard } from "../survival/curveBaseline.js";
import type { SurvivalModel } from "../survival/SurvivalModel.js";

/** Times on which the simulated and the target curve are compared: this many, evenly over (0, follow-up]. */
export const curveCalibrationGridSize = 40;

/** The result of {@link calibrateCurveBaseline}. */
export interface CurveCalibration {
  readonly baseline: CurveBaseline;
  /** The baseline's time scale λ (the model's `pfsScale`). */
  readonly scale: number;
  /** Root mean square and largest absolute difference between the simulated and target survival on the grid. */
  readonly rootMeanSquare: number;
  readonly largestDifference: number;
  /** Objective evaluations spent (each O(grid × log n)). */
  readonly evaluations: number;
}

/**
 * Calibrates a treatment's baseline to a whole target curve (issue 16) on a population-matched calibration cohort.
 *
 * The cohort's patients have hazard-scale exposures xᵢ = Eᵢ/(HRᵢ·Zᵢ·r^(line−1)) (unit exponential over patient
 * factors, frailty and the later-line ratio) and competing death times Dᵢ (Infinity where no death competes). With
 * a baseline of the target's family at dimensionless shape k and time scale λ (cumulative hazard H₀_k(t/λ), see
 * curveBaseline), a patient's PFS is min(λ·t_k(xᵢ), Dᵢ), t_k the inverse of H₀_k, so the population's PFS curve is
 *
 *   S_sim(t) = (1/n)·#{i : Dᵢ > t and xᵢ > H₀_k(t/λ)}.
 *
 * Because patient factors and frailty mix the baseline (and deaths compete), the population's curve is not the
 * baseline's: the baseline that reproduces the target *in that population* has the (k, λ) that minimise
 * Σ_g (S_sim(t_g) − S_target(t_g))² over 40 times t_g evenly spread over (0, follow-up] (the data's range; beyond
 * it the fitted family extrapolates).
 *
 * The count above needs only, for each t_g, the exposures of the patients alive at t_g, sorted: built once
 * (patients bucketed by the last grid time they outlive, buckets sorted and merged from the last time down, O(n log n
 * + grid × n)), after which any (k, λ) costs 40 cumulative hazards and 40 binary searches, O(grid × log n) — so the
 * search can be thorough: golden-section on ln λ (to 1e-6) nested in golden-section on ln k (on c itself for the
 * Gompertz, whose c = shape/rate may be negative; to 1e-5), brackets of ±1 around the target's own shape and
 * scale, moved when a minimum lands on an edge. An exponential target has no shape: only λ.
 *
 * The misfit left (`rootMeanSquare`, `largestDifference`) is the part of the target a proportional-hazards baseline
 * of that family cannot reproduce in a heterogeneous population; the calibration report shows it at landmarks.
 * Throws an InputError when the target cannot be reached (more deaths by the target's median, or by the end of
 * follow-up, than the target has events). Deterministic; a few milliseconds for 20,000 patients.
 */
export function calibrateCurveBaseline(
  exposure: Float64Array,
  deathMonths: Float64Array,
  target: SurvivalModel,
  family: CurveFamily,
  initialShape: number,
  initialScale: number,
  followUpMonths: number,
  what: string,
): CurveCalibration {
  const n = exposure.length;
  const grid = curveCalibrationGridSize;
  const step = followUpMonths / grid;
  const times = Float64Array.from({ length: grid }, (_, g) => (g + 1) * step);
  const targetSurvival = times.map((t) => target.survival(t));

  // the target is out of reach when more of the cohort has died by a time than the target lets fail by then
  const check = Number.isFinite(target.median) && target.median < followUpMonths ? target.median : followUpMonths;
  let aliveAtCheck = 0;
  for (let i = 0; i < n; i++) if (deathMonths[i]! > check) aliveAtCheck++;
  if (aliveAtCheck < Math.ceil(n * target.survival(check))) {
    throw new InputError(`calibration: ${what}: the target curve's survival of ${(100 * target.survival(check)).toFixed(1)}% at ${check.toPrecision(4)} months cannot be reached: ${((1 - aliveAtCheck / n) * 100).toFixed(0)}% of the calibration cohort dies before then`);
  }

  // alive[g]: the exposures of the patients alive at times[g], ascending, at alive.subarray(start[g], start[g + 1])
  const lastOutlived = new Int32Array(n); // the number of grid times strictly before Dᵢ
  const bucketSize = new Int32Array(grid + 1);
  for (let i = 0; i < n; i++) {
    const d = deathMonths[i]!;
    const b = d === Infinity ? grid : Math.max(0, Math.min(grid, Math.ceil(d / step) - 1));
    lastOutlived[i] = b;
    bucketSize[b]++;
  }
  const bucketStart = new Int32Array(grid + 2);
  for (let b = 0; b <= grid; b++) bucketStart[b + 1] = bucketStart[b]! + bucketSize[b]!;
  const buckets = new Float64Array(n);
  const fill = bucketStart.slice(0, grid + 1);
  for (let i = 0; i < n; i++) buckets[fill[lastOutlived[i]!]!++] = exposure[i]!;
  for (let b = 0; b <= grid; b++) buckets.subarray(bucketStart[b]!, bucketStart[b + 1]!).sort();
  // patients alive at times[g] (g = 0-based) outlive at least g + 1 grid times: buckets g + 1 … grid
  const start = new Int32Array(grid + 1);
  let total = 0;
  const sizes = new Int32Array(grid);
  for (let g = grid - 1; g >= 0; g--) {
    sizes[g] = (g === grid - 1 ? 0 : sizes[g + 1]!) + bucketSize[g + 1]!;
  }
  for (let g = 0; g < grid; g++) {
    start[g] = total;
    total += sizes[g]!;
  }
  start[grid] = total;
  const alive = new Float64Array(total);
  for (let g = grid - 1; g >= 0; g--) {
    // merge alive[g + 1] (empty for the last time) with bucket g + 1
    const bucket = buckets.subarray(bucketStart[g + 1]!, bucketStart[g + 2]!);
    const previous = g === grid - 1 ? new Float64Array(0) : alive.subarray(start[g + 1]!, start[g + 2]!);
    const out = alive.subarray(start[g]!, start[g + 1]!);
    let a = 0;
    let b = 0;
    for (let k = 0; k < out.length; k++) out[k] = b >= bucket.length || (a < previous.length && previous[a]! <= bucket[b]!) ? previous[a++]! : bucket[b++]!;
  }

  let evaluations = 0;
  let largest = 0;
  // the squared distance between the simulated and the target curve on the grid, at shape k and scale λ
  const distance = (shape: number, scale: number): number => {
    evaluations++;
    let objective = 0;
    let worst = 0;
    for (let g = 0; g < grid; g++) {
      const threshold = curveBaselineCumulativeHazard(family, shape, times[g]! / scale);
      const from = start[g]!;
      const to = start[g + 1]!;
      // the first position whose exposure exceeds the threshold
      let low = from;
      let high = to;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (alive[middle]! > threshold) high = middle;
        else low = middle + 1;
      }
      const difference = (to - low) / n - targetSurvival[g]!;
      objective += difference * difference;
      if (Math.abs(difference) > worst) worst = Math.abs(difference);
    }
    largest = worst;
    return objective;
  };

  const logShape = family !== "gompertz";
  const toShape = (s: number) => (family === "exponential" ? 1 : logShape ? Math.exp(s) : s);
  const bestScale = (shape: number) => goldenSection((logScale) => distance(shape, Math.exp(logScale)), Math.log(initialScale) - 1, Math.log(initialScale) + 1, 1e-6);
  const outer = family === "exponential"
    ? { at: 0, value: 0 }
    : goldenSection((s) => bestScale(toShape(s)).value, (logShape ? Math.log(initialShape) : initialShape) - 1, (logShape ? Math.log(initialShape) : initialShape) + 1, 1e-5);
  const shape = toShape(outer.at);
  const inner = bestScale(shape);
  const objective = distance(shape, Math.exp(inner.at));
  return {
    baseline: { family, shape },
    scale: Math.exp(inner.at),
    rootMeanSquare: Math.sqrt(objective / grid),
    largestDifference: largest,
    evaluations,
  };
}

/**
 * The minimum of f on [low, high] by golden-section search to a bracket of `tolerance`; when it lands within 1% of
 * the bracket's width from an edge, the bracket is moved that way (at most eight times), so that a minimum outside
 * the first guess is still found. O(log(width/tolerance)) evaluations per bracket.
 */
function goldenSection(f: (x: number) => number, low: number, high: number, tolerance: number): { at: number; value: number } {
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
      if (fc <= fd) {
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
    const best = fc <= fd ? { at: c, value: fc } : { at: d, value: fd };
    const nearLow = best.at - low < 0.01 * width;
    const nearHigh = high - best.at < 0.01 * width;
    if (moves === 8 || (!nearLow && !nearHigh)) return best;
    low = nearLow ? low - 0.8 * width : high - 0.2 * width;
    high = low + width;
  }
}
