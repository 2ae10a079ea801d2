import type { LifeTable } from "../evidence/LifeTable.js";

/**
 * A life table compiled for drawing deaths from other causes: per sex (0 = female, 1 = male, as `Sexes`), the
 * cumulative hazard from age `firstAge` at each whole year, H[k] = Σ_{y<k} −ln(1 − q_y), years. Between whole
 * ages the hazard is constant (the year's −ln(1 − q)); past the last age it stays at the last year's value.
 * Plain arrays: JSON-serialisable, sent to worker threads with the outcome model.
 */
export interface BackgroundMortality {
  readonly tableId: string;
  readonly firstAge: number;
  /** Cumulative hazards, female then male, each of length ages + 1. */
  readonly cumulative: readonly [readonly number[], readonly number[]];
}

/** Compiles a life table (see {@link BackgroundMortality}). O(ages). */
export function compileBackgroundMortality(table: LifeTable): BackgroundMortality {
  const cumulativeOf = (q: readonly number[]) => {
    const out = [0];
    for (const x of q) out.push(out[out.length - 1] + -Math.log1p(-Math.min(x, 1 - 1e-15)));
    return out;
  };
  return { tableId: table.id, firstAge: table.firstAge, cumulative: [cumulativeOf(table.probabilityOfDeath.female), cumulativeOf(table.probabilityOfDeath.male)] };
}

/** The cumulative hazard from `firstAge` to age `a` (years, a ≥ firstAge), linear within a year. O(1). */
function cumulativeAt(c: readonly number[], firstAge: number, age: number): number {
  const x = age - firstAge;
  const last = c.length - 1;
  if (x >= last) return c[last] + (x - last) * (c[last] - c[last - 1]);
  const k = Math.floor(x);
  return c[k] + (x - k) * (c[k + 1] - c[k]);
}

/**
 * Survival from deaths from other causes: the probability that someone aged `age` (years) at time 0 is alive
 * `months` later, exp(−(H(age + months/12) − H(age))). O(1). For tests and reports; the simulation uses
 * {@link backgroundDeathMonths}.
 */
export function backgroundSurvival(mortality: BackgroundMortality, sex: number, age: number, months: number): number {
  const c = mortality.cumulative[sex];
  return Math.exp(-(cumulativeAt(c, mortality.firstAge, age + months / 12) - cumulativeAt(c, mortality.firstAge, age)));
}

/**
 * The time to death from other causes, months, of someone aged `age` (whole years) with unit exponential
 * `exposure` (−ln(1 − u), u uniform): the t with H(age + t/12) − H(age) = exposure, by binary search over the
 * whole ages and linear interpolation within the year (constant hazard). Inverse transform, so monotone in u
 * (common random numbers). O(log ages), no allocation.
 */
export function backgroundDeathMonths(mortality: BackgroundMortality, sex: number, age: number, exposure: number): number {
  const c = mortality.cumulative[sex];
  const start = age - mortality.firstAge;
  const last = c.length - 1;
  const target = cumulativeAt(c, mortality.firstAge, age) + exposure;
  if (target >= c[last]) {
    const lastHazard = c[last] - c[last - 1];
    return lastHazard > 0 ? 12 * (last - start + (target - c[last]) / lastHazard) : Infinity;
  }
  // the largest k with c[k] <= target
  let low = start < 0 ? 0 : Math.floor(start);
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (c[middle] <= target) low = middle;
    else high = middle;
  }
  return 12 * (low + (target - c[low]) / (c[low + 1] - c[low]) - start);
}
