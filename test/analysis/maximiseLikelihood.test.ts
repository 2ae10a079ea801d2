import { describe, expect, it } from "vitest";
import { maximiseLikelihood, type LikelihoodValue } from "../../src/analysis/maximiseLikelihood.js";

describe("maximiseLikelihood", () => {
  it("maximiseLikelihood(poisson log-likelihood, start) finds the closed-form maximum log(mean), even from far away", () => {
    // ℓ(θ) = Σy·θ − n·e^θ for counts y: maximum at θ = log(ȳ); a full Newton step from θ = 10 overshoots, so
    // this needs step halving.
    const total = 37;
    const n = 10;
    const evaluate = (theta: Float64Array): LikelihoodValue => ({
      logLikelihood: total * theta[0]! - n * Math.exp(theta[0]!),
      gradient: Float64Array.of(total - n * Math.exp(theta[0]!)),
      hessian: Float64Array.of(-n * Math.exp(theta[0]!)),
    });
    for (const start of [-5, 0, 10]) {
      const result = maximiseLikelihood(evaluate, [start]);
      expect(result.converged).toBe(true);
      expect(result.estimate[0]).toBeCloseTo(Math.log(3.7), 14);
    }
  });

  it("maximiseLikelihood reports no convergence when the maximum is at infinity, and refuses a non-finite start", () => {
    // ℓ(θ) = −log(1 + e^−θ) has its supremum 0 only as θ → ∞ (like a group with no censoring at all): no maximum.
    const evaluate = (theta: Float64Array): LikelihoodValue => {
      const p = 1 / (1 + Math.exp(-theta[0]!));
      return { logLikelihood: -Math.log1p(Math.exp(-theta[0]!)), gradient: Float64Array.of(1 - p), hessian: Float64Array.of(-p * (1 - p)) };
    };
    const result = maximiseLikelihood(evaluate, [0], { maxIterations: 30 });
    expect(result.converged).toBe(false);
    expect(result.estimate[0]).toBeGreaterThan(20);
    expect(() => maximiseLikelihood(() => ({ logLikelihood: -Infinity, gradient: new Float64Array(1), hessian: new Float64Array(1) }), [0])).toThrow(
      "maximiseLikelihood: the log-likelihood is not finite at the starting values",
    );
  });
});
