import { chiSquareUpperTail } from "../math/chiSquareUpperTail.js";
import { codeLabels, eventTableCore, validateSurvivalData, type EventTable, type Label } from "./eventTable.js";
import { solveLinear } from "./solveLinear.js";

export interface LogRankOptions {
  /** A stratum label per subject: the test is computed within strata and summed, as `strata()` in survdiff. */
  readonly strata?: ArrayLike<Label>;
  /** Fleming–Harrington rho: weight S(t−)^rho (R's `survdiff(rho =)`); 0 (default) is the log-rank test. */
  readonly rho?: number;
  /** Fleming–Harrington gamma: extra weight (1 − S(t−))^gamma, the G(rho, gamma) family; default 0. */
  readonly gamma?: number;
  /** Level order of the groups; default: numeric or string order, as R's factor(). */
  readonly groupLevels?: readonly string[];
  /** Treat times closer than sqrt(machine epsilon) as tied, as R's survival does by default (`timefix = TRUE`, `aeqSurv`); default true. */
  readonly timefix?: boolean;
}

/** The k-sample test comparing survival curves, as R's `survdiff`. */
export interface LogRankResult {
  readonly chiSquare: number;
  /** Number of groups with a positive expected count, minus one. */
  readonly df: number;
  /** Upper-tail chi-square p-value. */
  readonly p: number;
  /** Group labels in level order; the vectors below follow this order. */
  readonly groups: readonly string[];
  /** Subjects per group. */
  readonly n: readonly number[];
  /** Weighted observed events per group, summed over strata (R: `rowSums(fit$obs)` when stratified). */
  readonly observed: readonly number[];
  /** Weighted expected events per group under the null, summed over strata. */
  readonly expected: readonly number[];
  /** Covariance matrix of observed − expected (R: `fit$var`), row-major. */
  readonly variance: readonly (readonly number[])[];
  readonly rho: number;
  readonly gamma: number;
  readonly strata: readonly string[];
}

/**
 * The log-rank test of equal survival in k groups, optionally stratified and weighted (Fleming–Harrington
 * G(rho, gamma) weights S(t−)^rho (1 − S(t−))^gamma, with S the Kaplan–Meier curve of the pooled stratum
 * just before t). As R's `survdiff(Surv(time, event) ~ group + strata(s), rho = rho)`:
 *
 *   O_g = Σ_t w d_g,   E_g = Σ_t w d n_g / n,
 *   V_gh = Σ_t w² d (n − d) / (n (n − 1)) · n_g (δ_gh − n_h / n),
 *   chi-square = (O − E)ᵀ V⁻ (O − E) over the groups with E > 0, dropping the first.
 *
 * The two-group test is the k = 2 case. Runs in O(n log n + rows · k²).
 */
export function logRank(time: ArrayLike<number>, event: ArrayLike<number | boolean>, group: ArrayLike<Label>, options: LogRankOptions = {}): LogRankResult {
  const status = validateSurvivalData("logRank", time, event);
  const n = time.length;
  const groups = codeLabels("logRank", "group", group, n, options.groupLevels);
  const strata = codeLabels("logRank", "strata", options.strata, n);
  const rho = options.rho ?? 0;
  const gamma = options.gamma ?? 0;
  if (!Number.isFinite(rho) || !Number.isFinite(gamma)) throw new RangeError(`logRank: rho and gamma must be finite numbers, got ${rho} and ${gamma}`);
  const table = eventTableCore(time, status, groups.index, groups.levels, strata.index, strata.levels, options.timefix ?? true);
  return logRankFromTable(table, rho, gamma);
}

/** The bare numeric core of {@link logRank}, on an event table with groups (and strata). */
export function logRankFromTable(table: EventTable, rho = 0, gamma = 0): LogRankResult {
  const k = table.groups.length;
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const variance = new Float64Array(k * k);
  const weighted = rho !== 0 || gamma !== 0;
  for (let s = 0; s < table.strata.length; s++) {
    let pooledSurvival = 1; // left-continuous: survival just before the current time
    for (let r = table.stratumStart[s]!; r < table.stratumStart[s + 1]!; r++) {
      const base = r * k;
      let atRisk = 0;
      let deaths = 0;
      for (let g = 0; g < k; g++) {
        atRisk += table.nRisk[base + g]!;
        deaths += table.nEvent[base + g]!;
      }
      const weight = weighted ? Math.pow(pooledSurvival, rho) * Math.pow(1 - pooledSurvival, gamma) : 1;
      if (weighted) pooledSurvival = (pooledSurvival * (atRisk - deaths)) / atRisk;
      if (deaths === 0) continue;
      for (let g = 0; g < k; g++) {
        observed[g]! += weight * table.nEvent[base + g]!;
        expected[g]! += (weight * deaths * table.nRisk[base + g]!) / atRisk;
      }
      if (atRisk === 1) continue;
      const squared = weight * weight;
      for (let j = 0; j < k; j++) {
        const term = (squared * deaths * table.nRisk[base + j]! * (atRisk - deaths)) / (atRisk * (atRisk - 1));
        variance[j * k + j]! += term;
        for (let h = 0; h < k; h++) variance[j * k + h]! -= (term * table.nRisk[base + h]!) / atRisk;
      }
    }
  }
  const kept: number[] = [];
  for (let g = 0; g < k; g++) if (expected[g]! > 0) kept.push(g);
  let chiSquare = 0;
  if (kept.length >= 2) {
    const used = kept.slice(1);
    const difference = used.map((g) => observed[g]! - expected[g]!);
    const matrix = used.map((g) => used.map((h) => variance[g * k + h]!));
    const solution = solveLinear(matrix, difference);
    chiSquare = solution === null ? NaN : solution.reduce((sum, v, i) => sum + v * difference[i]!, 0);
  }
  const df = kept.length - 1;
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < table.n; i++) counts[table.groupIndex[i]!]! += 1;
  return {
    chiSquare,
    df,
    p: df < 0 ? NaN : chiSquareUpperTail(chiSquare, df),
    groups: table.groups,
    n: counts,
    observed: Array.from(observed),
    expected: Array.from(expected),
    variance: Array.from({ length: k }, (_, g) => Array.from(variance.subarray(g * k, g * k + k))),
    rho,
    gamma,
    strata: table.strata,
  };
}
