import type { EventTable } from "../analysis/eventTable.js";

/**
 * The Cox model with one binary covariate (treatment vs control), fitted on an event table with two groups
 * (group 1 = treatment), within strata if the table has them. The bare numeric core used in the Monte Carlo
 * loop, where `coxPh`'s general design matrix costs 40 times more; it agrees with `coxPh` (R's coxph) to
 * 1e-8 when no two events tie (simulated times are continuous), and uses Breslow's rule at ties.
 *
 * With n₀, n₁ at risk and d events (d₁ treated) at each row and θ = e^β, Newton–Raphson on
 *   U(β) = Σ [d₁ − d n₁θ / (n₀ + n₁θ)],   I(β) = Σ d n₀ n₁θ / (n₀ + n₁θ)²
 * from β = 0 (step halved when it would move more than 5 on the log scale), until |Δβ| < 1e-10. The Wald
 * statistic is β / √(1/I(β)). Returns null when the estimate runs off to ±∞ (an arm without events) or the
 * information vanishes. Runs in O(rows) per iteration, a handful of iterations.
 */
export function twoGroupCox(table: EventTable): { readonly logHazardRatio: number; readonly standardError: number; readonly z: number } | null {
  const rows = table.time.length;
  const { nRisk, nEvent } = table;
  let beta = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    const theta = Math.exp(beta);
    let score = 0;
    let information = 0;
    for (let r = 0; r < rows; r++) {
      const deaths = nEvent[2 * r] + nEvent[2 * r + 1];
      if (deaths === 0) continue;
      const control = nRisk[2 * r];
      const treated = nRisk[2 * r + 1] * theta;
      const total = control + treated;
      score += nEvent[2 * r + 1] - (deaths * treated) / total;
      information += (deaths * control * treated) / (total * total);
    }
    if (!(information > 0)) return null;
    let step = score / information;
    if (Math.abs(step) > 5) step = Math.sign(step) * 5;
    beta += step;
    if (Math.abs(beta) > 30) return null;
    if (Math.abs(step) < 1e-10) {
      const standardError = 1 / Math.sqrt(information);
      return { logHazardRatio: beta, standardError, z: beta / standardError };
    }
  }
  return null;
}
