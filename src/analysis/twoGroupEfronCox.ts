import type { EventTable } from "./eventTable.js";

/** The fit of {@link twoGroupEfronCox}. */
export interface TwoGroupCoxFit {
  /** log hazard ratio of group 1 against group 0. */
  readonly logHazardRatio: number;
  /** Its standard error, 1/√I(β̂) (the model-based one). */
  readonly standardError: number;
}

/**
 * The Cox model with one binary covariate (group 1 vs group 0) and Efron's handling of tied event times (R's
 * default), fitted on a two-group event table (one stratum or several): the bare numeric core behind the Monte
 * Carlo error of simulated strategy comparisons, where the same patient under two strategies often has the same
 * time (an exact tie across the groups) and `coxPh`'s general design matrix would cost 40 times more. Agrees with
 * `coxPh` (and so with R's coxph, ties = "efron") to 1e-8 on tied data.
 *
 * At a row with d = d₀ + d₁ events, n₀ + n₁ at risk and θ = e^β: S = n₀ + n₁θ, D = d₀ + d₁θ; Efron replaces the
 * risk set of the k-th tied event (k = 0 … d − 1) by S − (k/d)D, so with m_k = (n₁θ − (k/d)d₁θ)/(S − (k/d)D)
 *   U(β) = Σ [d₁ − Σ_k m_k],   I(β) = Σ Σ_k m_k(1 − m_k)     (a 0/1 covariate: its second moment is its mean).
 * Newton–Raphson from β = 0 (step at most 5 on the log scale) until |Δβ| < 1e-10. Returns null when the estimate runs
 * off to ±∞ (no events in a group) or the information vanishes. O(rows + events) per iteration.
 */
export function twoGroupEfronCox(table: EventTable): TwoGroupCoxFit | null {
  return twoGroupEfronCoxFromCounts(table.time.length, table.nRisk, table.nEvent);
}

/**
 * {@link twoGroupEfronCox} on bare counts: `rows` distinct times in order, with at risk and events per group
 * interleaved as in an event table (`nRisk[2r]` group 0, `nRisk[2r + 1]` group 1; the same for `nEvent`). The
 * numeric core, for callers that build the counts themselves (a batch of a paired comparison). O(rows + events)
 * per iteration, no allocation.
 */
export function twoGroupEfronCoxFromCounts(rows: number, nRisk: ArrayLike<number>, nEvent: ArrayLike<number>): TwoGroupCoxFit | null {
  let beta = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    const theta = Math.exp(beta);
    let score = 0;
    let information = 0;
    for (let r = 0; r < rows; r++) {
      const d0 = nEvent[2 * r];
      const d1 = nEvent[2 * r + 1];
      const d = d0 + d1;
      if (d === 0) continue;
      const s1 = nRisk[2 * r + 1] * theta;
      const s = nRisk[2 * r] + s1;
      const tied1 = d1 * theta;
      const tied = d0 + tied1;
      score += d1;
      for (let k = 0; k < d; k++) {
        const share = k / d;
        const m = (s1 - share * tied1) / (s - share * tied);
        score -= m;
        information += m * (1 - m);
      }
    }
    if (!(information > 0)) return null;
    let step = score / information;
    if (Math.abs(step) > 5) step = Math.sign(step) * 5;
    beta += step;
    if (Math.abs(beta) > 30) return null;
    if (Math.abs(step) < 1e-10) return { logHazardRatio: beta, standardError: 1 / Math.sqrt(informationAt(beta, rows, nRisk, nEvent)) };
  }
  return null;
}

function informationAt(beta: number, rows: number, nRisk: ArrayLike<number>, nEvent: ArrayLike<number>): number {
  const theta = Math.exp(beta);
  let information = 0;
  for (let r = 0; r < rows; r++) {
    const d0 = nEvent[2 * r];
    const d1 = nEvent[2 * r + 1];
    const d = d0 + d1;
    if (d === 0) continue;
    const s1 = nRisk[2 * r + 1] * theta;
    const s = nRisk[2 * r] + s1;
    const tied1 = d1 * theta;
    const tied = d0 + tied1;
    for (let k = 0; k < d; k++) {
      const m = (s1 - (k / d) * tied1) / (s - (k / d) * tied);
      information += m * (1 - m);
    }
  }
  return information;
}
