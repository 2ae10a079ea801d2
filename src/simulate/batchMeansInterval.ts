import { studentTQuantile } from "../math/studentTQuantile.js";

/** A Monte Carlo interval of a simulated quantity: how far the simulation's own randomness could have moved it. */
export interface MonteCarloInterval {
  readonly lower: number | null;
  readonly upper: number | null;
  /** Standard error of the estimate from the simulation's randomness (on the scale of the batch values). */
  readonly standardError: number | null;
  /** Batches the spread was measured on (those whose value could be estimated). */
  readonly batches: number;
}

/**
 * The Monte Carlo error of a simulated estimate by (weighted) batch means. With batches b of n_b patients, values θ_b
 * (each an estimate of the same quantity on its own patients) and N = Σ n_b:
 *   θ̄ = Σ n_b θ_b / N,   s² = Σ n_b (θ_b − θ̄)² / (B − 1),   SE = √(s² / N),
 * so that SE estimates the standard deviation of an estimate from all N patients (each θ_b has variance ≈ σ²/n_b;
 * the estimate from N, σ²/N). The interval is `estimate ± t_{B−1, (1+level)/2} · SE`, mapped through `transform`
 * (e.g. Math.exp for a log hazard ratio). Batches whose value is not finite are left out. The sums run in the order
 * given — block order — so splitting a run into shards of whole blocks and concatenating their batches gives the same
 * bytes. Fewer than 2 usable batches: no interval (nulls). Reference: Law & Kelton, Simulation Modeling and Analysis,
 * §9.5.3 (batch means); Glynn & Whitt (1991) for weighted batches. O(batches).
 */
export function batchMeansInterval(
  estimate: number | null,
  batches: readonly { readonly patients: number; readonly value: number }[],
  options: { readonly level?: number; readonly transform?: (x: number) => number } = {},
): MonteCarloInterval {
  const usable = batches.filter((b) => Number.isFinite(b.value) && b.patients > 0);
  const count = usable.length;
  if (estimate === null || !Number.isFinite(estimate) || count < 2) return { lower: null, upper: null, standardError: null, batches: count };
  let total = 0;
  let weighted = 0;
  for (const b of usable) {
    total += b.patients;
    weighted += b.patients * b.value;
  }
  const mean = weighted / total;
  let squares = 0;
  for (const b of usable) squares += b.patients * (b.value - mean) ** 2;
  const standardError = Math.sqrt(squares / (count - 1) / total);
  const t = studentTQuantile((1 + (options.level ?? 0.95)) / 2, count - 1);
  const transform = options.transform ?? ((x: number) => x);
  return { lower: transform(estimate - t * standardError), upper: transform(estimate + t * standardError), standardError, batches: count };
}
