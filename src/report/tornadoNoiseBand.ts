import type { ReportReplicate } from "./ReportInput.js";

/**
 * The noise band of a tornado plot from replicates ({@link tornadoRowsFromReplicates}): where a bar would end by
 * chance alone, for an input with no effect on the outcome. Each bar end is the mean outcome over k = ⌊R/3⌋ of the
 * R replicates; if the input did not matter, those k would be a random subset, and the difference of their mean from
 * the mean of all R has variance s²(1/k − 1/R) (sampling without replacement; Cochran, Sampling Techniques, 3rd ed.,
 * §2.5), s² the variance of the outcome across replicates — which holds the Monte Carlo noise of each simulated
 * median and the effect of every other input. The band is baseline ± 1.96 · s · √(1/k − 1/R): bars ending inside it
 * are indistinguishable from noise at the 95% level. Null with fewer than 3 usable replicates. O(R).
 */
export function tornadoNoiseBand(replicates: readonly ReportReplicate[], strategy: string, endpoint: "pfs" | "os"): { lower: number; upper: number; halfWidth: number; replicates: number; perBar: number } | null {
  const values = replicates.map((r) => r.medians[strategy]?.[endpoint]).filter((m): m is number => m !== null && m !== undefined && Number.isFinite(m));
  const count = values.length;
  if (count < 3) return null;
  const perBar = Math.max(1, Math.floor(count / 3));
  const mean = values.reduce((a, b) => a + b, 0) / count;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (count - 1);
  const halfWidth = 1.96 * Math.sqrt(variance * Math.max(0, 1 / perBar - 1 / count));
  return { lower: mean - halfWidth, upper: mean + halfWidth, halfWidth, replicates: count, perBar };
}
