import { maximiseLikelihood, type LikelihoodValue } from "./maximiseLikelihood.js";
import { invertMatrix } from "./solveLinear.js";
import type { SurvivalCells } from "./survivalCells.js";

/** The bare result of {@link gompertzFit}: θ = (shape, log rate, log hazard ratio of each non-reference group). */
export interface GompertzFitCore {
  readonly estimates: Float64Array;
  readonly logLikelihood: number;
  /** Inverse observed information for θ. */
  readonly covariance: number[][];
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Maximum likelihood for the Gompertz model h(t) = rate_g·e^(shape·t), rate_g = e^(log rate + β_g) (the group
 * multiplies the hazard, as flexsurv's covariates on "rate"), the bare numeric core.
 *
 * With G(a, t) = ∫₀ᵗ e^(as) ds = (e^(at) − 1)/a the cumulative hazard is rate·G, and subject i contributes
 * δᵢ(log rate_g + a·tᵢ) − rate_g·G(a, tᵢ). The log-likelihood is concave in θ: rate·G = exp(log rate + ln G(a, t))
 * and ln G is convex in a (the log of an integral of exponentials), so −rate·G is concave. Newton–Raphson
 * from the exponential fit (shape 0) therefore converges wherever the maximum exists. Derivatives in a use
 * ∂G/∂a = t²E₂(at) and ∂²G/∂a² = t³E₃(at), with E_k(u) = ∫₀¹ x^(k−1) e^(ux) dx in closed form, or by its power
 * series Σ uʲ/(j!(j + k)) when |u| < 1 where the closed forms cancel. O(cells) per evaluation, no allocation.
 */
export function gompertzFit(cells: SurvivalCells, maxIterations = 100): GompertzFitCore {
  const k = cells.groupCount;
  const p = k + 1;
  const count = cells.time.length;
  const subjects = new Float64Array(count);
  let eventTime = 0;
  const exposure = new Float64Array(k);
  for (let c = 0; c < count; c++) {
    subjects[c] = cells.events[c]! + cells.censored[c]!;
    eventTime += cells.events[c]! * cells.time[c]!;
    exposure[cells.group[c]!]! += subjects[c]! * cells.time[c]!;
  }
  const start = new Float64Array(p);
  const logRates = Float64Array.from(exposure, (total, g) => Math.log(cells.groupEvents[g]! / total));
  start[1] = logRates[0]!;
  for (let g = 1; g < k; g++) start[g + 1] = logRates[g]! - logRates[0]!;

  const integrals = new Float64Array(3);
  const sums = new Float64Array(3 * k);
  const evaluate = (theta: Float64Array, derivatives: boolean): LikelihoodValue => {
    const shape = theta[0]!;
    sums.fill(0);
    for (let c = 0; c < count; c++) {
      const t = cells.time[c]!;
      gompertzIntegrals(shape * t, integrals, derivatives);
      const g = 3 * cells.group[c]!;
      const n = subjects[c]!;
      sums[g]! += n * t * integrals[0]!;
      if (derivatives) {
        sums[g + 1]! += n * t * t * integrals[1]!;
        sums[g + 2]! += n * t * t * t * integrals[2]!;
      }
    }
    let logLikelihood = shape * eventTime;
    const rates = new Float64Array(k);
    for (let g = 0; g < k; g++) {
      const logRate = theta[1]! + (g > 0 ? theta[g + 1]! : 0);
      rates[g] = Math.exp(logRate);
      logLikelihood += cells.groupEvents[g]! * logRate - rates[g]! * sums[3 * g]!;
    }
    const gradient = new Float64Array(p);
    const hessian = new Float64Array(p * p);
    if (!derivatives || !Number.isFinite(logLikelihood)) return { logLikelihood: Number.isNaN(logLikelihood) ? -Infinity : logLikelihood, gradient, hessian };
    gradient[0] = eventTime;
    for (let g = 0; g < k; g++) {
      const r = rates[g]!;
      const r0 = r * sums[3 * g]!;
      const r1 = r * sums[3 * g + 1]!;
      const r2 = r * sums[3 * g + 2]!;
      const score = cells.groupEvents[g]! - r0;
      gradient[0]! -= r1;
      gradient[1]! += score;
      hessian[0]! -= r2;
      hessian[1]! -= r1;
      hessian[p + 1]! -= r0;
      if (g > 0) {
        const j = g + 1;
        gradient[j] = score;
        hessian[j] = hessian[j * p] = -r1;
        hessian[p + j] = hessian[j * p + 1] = -r0;
        hessian[j * p + j] = -r0;
      }
    }
    hessian[p] = hessian[1]!;
    return { logLikelihood, gradient, hessian };
  };
  const result = maximiseLikelihood(evaluate, start, { maxIterations });
  const information = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => -result.value.hessian[i * p + j]!));
  const covariance = invertMatrix(information) ?? information.map((row) => row.map(() => NaN));
  return { estimates: result.estimate, logLikelihood: result.value.logLikelihood, covariance, iterations: result.iterations, converged: result.converged };
}

/**
 * E₁(u), E₂(u), E₃(u) with E_k(u) = ∫₀¹ x^(k−1) e^(ux) dx, written into out (only E₁ unless `all`):
 * E₁ = expm1(u)/u, E₂ = (eᵘ(u − 1) + 1)/u², E₃ = (eᵘ(u² − 2u + 2) − 2)/u³, or the series for |u| < 1.
 */
export function gompertzIntegrals(u: number, out: Float64Array, all = true): void {
  if (Math.abs(u) < 1) {
    // Σ_j uʲ/(j!(j + k)), 22 terms: the first omitted one is below 1/22! ≈ 9e-22.
    let power = 1;
    let e1 = 0;
    let e2 = 0;
    let e3 = 0;
    for (let j = 0; j < 22; j++) {
      e1 += power / (j + 1);
      e2 += power / (j + 2);
      e3 += power / (j + 3);
      power *= u / (j + 1);
    }
    out[0] = e1;
    out[1] = e2;
    out[2] = e3;
    return;
  }
  const expm1 = Math.expm1(u);
  out[0] = expm1 / u;
  if (!all) return;
  const eu = expm1 + 1;
  out[1] = (eu * (u - 1) + 1) / (u * u);
  out[2] = (eu * (u * u - 2 * u + 2) - 2) / (u * u * u);
}
