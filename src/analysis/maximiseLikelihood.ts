import { solveLinear } from "./solveLinear.js";

/** A log-likelihood and, when asked for, its gradient and Hessian (row-major k × k) at a parameter vector. */
export interface LikelihoodValue {
  readonly logLikelihood: number;
  readonly gradient: Float64Array;
  readonly hessian: Float64Array;
}

/**
 * Evaluates the log-likelihood at `parameters`; with `derivatives` false only `logLikelihood` is read.
 * Return −Infinity (or NaN) outside the parameter space.
 */
export type LikelihoodFunction = (parameters: Float64Array, derivatives: boolean) => LikelihoodValue;

export interface MaximiseOptions {
  /** Newton steps at most; default 100. */
  readonly maxIterations?: number;
}

export interface MaximiseResult {
  readonly estimate: Float64Array;
  /** The value, gradient and Hessian at the estimate. */
  readonly value: LikelihoodValue;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Maximises a concave log-likelihood by Newton–Raphson with step halving.
 *
 * Each step solves (−H) s = g. The Newton decrement λ² = gᵀ(−H)⁻¹g is twice the predicted gain: once it is
 * below 1e-14 × max(1, |ℓ|) (about the rounding noise of a log-likelihood summed over many cells) one last full
 * step, which squares the error, ends the search, converged. Before that a step is halved until the
 * log-likelihood increases (at most 40 times); when no fraction of it does, or when a full step fails with
 * λ² ≤ 1e-8 × max(1, |ℓ|) (the gain is lost in rounding), the search ends, converged if λ² ≤ 1e-8 × max(1, |ℓ|). With a concave log-likelihood (every family here is concave in the parameterisation its core
 * uses) the iteration converges from any start where ℓ is finite, whenever the maximum exists.
 * Cost: one evaluation with derivatives per step, plus one cheap evaluation per trial point; O(k³) algebra.
 */
export function maximiseLikelihood(evaluate: LikelihoodFunction, start: ArrayLike<number>, options: MaximiseOptions = {}): MaximiseResult {
  const k = start.length;
  const maxIterations = options.maxIterations ?? 100;
  let estimate = Float64Array.from(start);
  let value = evaluate(estimate, true);
  if (!Number.isFinite(value.logLikelihood)) throw new RangeError("maximiseLikelihood: the log-likelihood is not finite at the starting values");
  const candidate = new Float64Array(k);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const step = newtonStep(value);
    if (step === null) break;
    let decrement = 0;
    for (let i = 0; i < k; i++) decrement += step[i]! * value.gradient[i]!;
    const scale = Math.max(1, Math.abs(value.logLikelihood));
    if (!(decrement >= 0)) break; // not an ascent direction: the Hessian is not negative definite here
    iterations++;
    if (decrement <= 1e-14 * scale) {
      for (let i = 0; i < k; i++) candidate[i] = estimate[i]! + step[i]!;
      const last = evaluate(candidate, true);
      if (Number.isFinite(last.logLikelihood) && last.logLikelihood >= value.logLikelihood - 1e-9 * scale) {
        estimate = Float64Array.from(candidate);
        value = last;
      }
      converged = true;
      break;
    }
    let accepted = false;
    let fraction = 1;
    // Near the maximum the predicted gain is within the rounding noise of ℓ (a sum over many cells): a full
    // step that does not increase ℓ then means the search is done, and halving would only chase noise.
    const noiseLevel = decrement <= 1e-8 * scale;
    for (let halving = 0; halving <= (noiseLevel ? 0 : 40); halving++) {
      for (let i = 0; i < k; i++) candidate[i] = estimate[i]! + fraction * step[i]!;
      const trial = evaluate(candidate, false).logLikelihood;
      if (Number.isFinite(trial) && trial > value.logLikelihood) {
        accepted = true;
        break;
      }
      fraction /= 2;
    }
    if (!accepted) {
      converged = decrement <= 1e-8 * scale;
      break;
    }
    estimate = Float64Array.from(candidate);
    value = evaluate(estimate, true);
  }
  return { estimate, value, iterations, converged };
}

/** The Newton step s solving (−H) s = g; null when −H is singular. */
function newtonStep(value: LikelihoodValue): Float64Array | null {
  const k = value.gradient.length;
  const negativeHessian = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => -value.hessian[i * k + j]!));
  const step = solveLinear(negativeHessian, Array.from(value.gradient));
  return step === null || !step.every(Number.isFinite) ? null : Float64Array.from(step);
}
