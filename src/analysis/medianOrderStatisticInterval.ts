/**
 * The distribution-free confidence interval of a median from a sample, by order statistics: with n independent
 * draws of a continuous variable, the number B of draws below the true median is Binomial(n, 1/2), so the interval
 * [X₍ₗ₎, X₍ₙ₊₁₋ₗ₎] between the l-th smallest and the l-th largest draw covers the median with probability
 * P(l ≤ B ≤ n − l) = 1 − 2·P(B ≤ l − 1). Taking l = the (1 − level)/2 quantile of Binomial(n, 1/2) (R's
 * `qbinom((1 - level)/2, n, 0.5)`), the smallest k with P(B ≤ k) ≥ (1 − level)/2, gives coverage of at least
 * `level` (exactly, not by a normal approximation). Reference: Conover, Practical Nonparametric Statistics
 * (3rd ed., 1999), §3.2 (confidence interval for a quantile); David & Nagaraja, Order Statistics (3rd ed.), §7.1.
 *
 * `sorted` must be sorted ascending (not checked: the numeric core). Returns the sample median (the mean of the
 * two middle draws when n is even) and the interval; with too few draws for the level (n ≤ 5 at 95%) the
 * interval is the sample's range and its coverage is below `level`. Time O(n) for the binomial tail, no allocation.
 */
export function medianOrderStatisticInterval(sorted: ArrayLike<number>, level = 0.95): { readonly median: number; readonly lower: number; readonly upper: number } {
  const n = sorted.length;
  if (n === 0) return { median: NaN, lower: NaN, upper: NaN };
  const middle = n >> 1;
  const median = n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const l = binomialHalfQuantile(n, (1 - level) / 2);
  const lowerIndex = Math.max(l, 1) - 1;
  const upperIndex = Math.min(n - Math.max(l, 1), n - 1);
  return { median, lower: sorted[lowerIndex], upper: sorted[upperIndex] };
}

/**
 * The smallest k with P(B ≤ k) ≥ p for B ~ Binomial(n, 1/2): the probabilities P(B = k) = C(n, k)/2ⁿ are summed
 * from k = 0 on the log scale (log P(B = k + 1) = log P(B = k) + log((n − k)/(k + 1))), so no 2⁻ⁿ underflows
 * before it matters. O(k).
 */
export function binomialHalfQuantile(n: number, p: number): number {
  let logProbability = -n * Math.LN2;
  let cumulative = 0;
  for (let k = 0; k <= n; k++) {
    cumulative += Math.exp(logProbability);
    if (cumulative >= p) return k;
    logProbability += Math.log((n - k) / (k + 1));
  }
  return n;
}
