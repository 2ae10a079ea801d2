import { randomSource } from "../../src/random/randomSource.js";

/** `count` values of `inverseCdf` fed from randomSource(seed): the test helper for distributional checks. */
export function drawMany(inverseCdf: (u: number) => number, count: number, seed: number | string = 42): Float64Array {
  const source = randomSource(seed);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = inverseCdf(source());
  return values;
}

export function sampleMean(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

export function sampleVariance(values: Float64Array): number {
  const mean = sampleMean(values);
  let sum = 0;
  for (const value of values) sum += (value - mean) * (value - mean);
  return sum / (values.length - 1);
}

/** The sample median (mean of the two middle values for even n). */
export function sampleMedian(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
}

/** Share of values at or below x (the empirical CDF). */
export function empiricalCdf(values: Float64Array, x: number): number {
  let count = 0;
  for (const value of values) if (value <= x) count++;
  return count / values.length;
}

/**
 * The standard error of a sample median of n draws from a density f at the median m: 1/(2 f(m) √n)
 * (asymptotic; e.g. Serfling 1980 §2.3.3).
 */
export function medianStandardError(densityAtMedian: number, count: number): number {
  return 1 / (2 * densityAtMedian * Math.sqrt(count));
}
