import type { RandomSource } from "./randomSource.js";

/**
 * A draw from a distribution that takes its generator as a parameter: `sampler(source)` (d3-random's
 * `.source()` turned inside out, so one sampler serves every stream). Samplers are closures over
 * precomputed constants and allocate nothing per draw.
 */
export type Sampler = (source: RandomSource) => number;

/**
 * The inverse cumulative distribution function (quantile function) of a distribution: maps a uniform
 * number `u` in [0, 1) to a draw. Inverse transform is what makes common random numbers work: the engine
 * passes the same `u` to every strategy, so the draws are comonotone (a larger `u` always gives a larger
 * value) and differences between strategies are not noise. No argument checks: the core is bare.
 */
export type InverseCdf = (uniform: number) => number;

/** The sampler that feeds one uniform from `source` to `inverseCdf`. */
export function samplerFromInverseCdf(inverseCdf: InverseCdf): Sampler {
  return (source) => inverseCdf(source());
}
