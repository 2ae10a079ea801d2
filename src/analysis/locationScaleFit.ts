import type { LocationScaleError } from "./locationScaleErrors.js";
import { maximiseLikelihood, type LikelihoodValue } from "./maximiseLikelihood.js";
import { invertMatrix } from "./solveLinear.js";
import type { SurvivalCells } from "./survivalCells.js";

/** The bare result of {@link locationScaleFit}, on survreg's scale. */
export interface LocationScaleFitCore {
  /** β: intercept, then one coefficient per non-reference group. */
  readonly coefficients: Float64Array;
  /** σ (1 when fixed). */
  readonly scale: number;
  readonly logLikelihood: number;
  /** Inverse observed information for (β, log σ) — without log σ when the scale is fixed — as R's `fit$var`. */
  readonly covariance: number[][];
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Maximum likelihood for the accelerated-failure-time model log T = β₀ + β_g + σW (R survreg with a factor),
 * the bare numeric core: cells already validated (times > 0, at least one event per group).
 *
 * Subject i with z = (log tᵢ − xᵢβ)/σ contributes ln f(z) − ln σ − ln tᵢ for an event (the density of T,
 * so the log-likelihood is on the time scale, as survreg's) and ln S(z) for a censoring.
 *
 * Newton–Raphson runs in (α, γ) = (β/σ, 1/σ), where z = γ·log t − xα and the log-likelihood is concave
 * (log-concave error densities; Burridge 1981), so it converges from any start; it starts at the exponential
 * fit (closed form per group, γ = 1). The covariance is then computed directly in survreg's (β, log σ) from
 * the Hessian there: with w₁ = dℓ/dz and w₂ = d²ℓ/dz² of each subject,
 *   ∂²ℓ/∂βⱼ∂βₖ = Σ w₂xⱼxₖ/σ²,  ∂²ℓ/∂βⱼ∂log σ = Σ xⱼ(w₂z + w₁)/σ,  ∂²ℓ/∂(log σ)² = Σ z(w₂z + w₁).
 * Group dummies make every sum a per-group sum: each evaluation costs O(cells) with six accumulators per
 * group, and no allocation.
 */
export function locationScaleFit(cells: SurvivalCells, error: LocationScaleError, fixedScale: boolean, maxIterations = 100): LocationScaleFitCore {
  const k = cells.groupCount;
  const count = cells.time.length;
  const logTime = new Float64Array(count);
  for (let c = 0; c < count; c++) logTime[c] = Math.log(cells.time[c]!);
  // Start: the exponential fit, log of (total time / events) per group.
  const exposure = new Float64Array(k);
  for (let c = 0; c < count; c++) exposure[cells.group[c]!]! += (cells.events[c]! + cells.censored[c]!) * cells.time[c]!;
  const location = Float64Array.from(exposure, (total, g) => Math.log(total / cells.groupEvents[g]!));
  const p = fixedScale ? k : k + 1;
  const start = new Float64Array(p);
  start[0] = location[0]!;
  for (let g = 1; g < k; g++) start[g] = location[g]! - location[0]!;
  if (!fixedScale) start[k] = 1;

  const out = new Float64Array(6);
  const sums = new Float64Array(6 * k);
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  const evaluate = (theta: Float64Array, derivatives: boolean): LikelihoodValue => {
    const gamma = fixedScale ? 1 : theta[k]!;
    if (!(gamma > 0)) return { logLikelihood: -Infinity, gradient, hessian };
    const logGamma = Math.log(gamma);
    let logLikelihood = 0;
    sums.fill(0);
    for (let c = 0; c < count; c++) {
      const g = cells.group[c]!;
      const y = logTime[c]!;
      const z = gamma * y - theta[0]! - (g > 0 ? theta[g]! : 0);
      error.evaluate(z, out);
      const d = cells.events[c]!;
      const censored = cells.censored[c]!;
      // Branches, not products: 0 × (−Infinity) would be NaN far in a tail.
      let w1 = 0;
      let w2 = 0;
      if (d > 0) {
        logLikelihood += d * (out[0]! + logGamma - y);
        w1 += d * out[1]!;
        w2 += d * out[2]!;
      }
      if (censored > 0) {
        logLikelihood += censored * out[3]!;
        w1 += censored * out[4]!;
        w2 += censored * out[5]!;
      }
      if (!derivatives) continue;
      const at = 6 * g;
      sums[at]! += w1;
      sums[at + 1]! += w1 * y;
      sums[at + 2]! += w2;
      sums[at + 3]! += w2 * y;
      sums[at + 4]! += w2 * y * y;
    }
    if (!derivatives) return { logLikelihood, gradient, hessian };
    // ∂/∂α₀ = −Σw₁, ∂/∂α_g = −Σ_g w₁, ∂/∂γ = Σ w₁y + D/γ; Hessian from w₂ (see above, in (α, γ)).
    gradient.fill(0);
    hessian.fill(0);
    let w1y = 0;
    let w2yy = 0;
    for (let g = 0; g < k; g++) {
      const at = 6 * g;
      gradient[0]! -= sums[at]!;
      hessian[0]! += sums[at + 2]!;
      w1y += sums[at + 1]!;
      w2yy += sums[at + 4]!;
      if (g > 0) {
        gradient[g] = -sums[at]!;
        hessian[g * p + g] = sums[at + 2]!;
        hessian[g] = hessian[g * p] = sums[at + 2]!;
      }
      if (!fixedScale) {
        hessian[k]! -= sums[at + 3]!;
        if (g > 0) hessian[g * p + k] = hessian[k * p + g] = -sums[at + 3]!;
      }
    }
    if (!fixedScale) {
      hessian[k * p] = hessian[k]!;
      gradient[k] = w1y + cells.totalEvents / gamma;
      hessian[k * p + k] = w2yy - cells.totalEvents / (gamma * gamma);
    }
    return { logLikelihood, gradient: Float64Array.from(gradient), hessian: Float64Array.from(hessian) };
  };

  const result = maximiseLikelihood(evaluate, start, { maxIterations });
  const alpha = result.estimate;
  const gamma = fixedScale ? 1 : alpha[k]!;
  const scale = 1 / gamma;
  const coefficients = new Float64Array(k);
  for (let j = 0; j < k; j++) coefficients[j] = alpha[j]! * scale;

  // Hessian in (β, log σ): per group A = Σw₂, B = Σ(w₂z + w₁), C = Σz(w₂z + w₁).
  const perGroup = new Float64Array(3 * k);
  for (let c = 0; c < count; c++) {
    const g = cells.group[c]!;
    const z = gamma * logTime[c]! - alpha[0]! - (g > 0 ? alpha[g]! : 0);
    error.evaluate(z, out);
    const d = cells.events[c]!;
    const censored = cells.censored[c]!;
    const w1 = (d > 0 ? d * out[1]! : 0) + (censored > 0 ? censored * out[4]! : 0);
    const w2 = (d > 0 ? d * out[2]! : 0) + (censored > 0 ? censored * out[5]! : 0);
    perGroup[3 * g]! += w2;
    perGroup[3 * g + 1]! += w2 * z + w1;
    perGroup[3 * g + 2]! += z * (w2 * z + w1);
  }
  const information = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let g = 0; g < k; g++) {
    const a = -perGroup[3 * g]! / (scale * scale);
    const b = -perGroup[3 * g + 1]! / scale;
    information[0]![0]! += a;
    if (g > 0) {
      information[g]![g] = a;
      information[0]![g] = information[g]![0] = a;
    }
    if (!fixedScale) {
      information[0]![k]! += b;
      if (g > 0) information[g]![k] = information[k]![g] = b;
      information[k]![k]! -= perGroup[3 * g + 2]!;
    }
  }
  if (!fixedScale) information[k]![0] = information[0]![k]!;
  const covariance = invertMatrix(information) ?? information.map((row) => row.map(() => NaN));
  return { coefficients, scale, logLikelihood: result.value.logLikelihood, covariance, iterations: result.iterations, converged: result.converged };
}
