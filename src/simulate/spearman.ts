/**
 * Spearman's ρ of pairs (x, y): Pearson correlation of their ranks, ties given their average rank (R's
 * `cor(x, y, method = "spearman")`). Ranks come from one native typed-array sort per variable and a binary search
 * per value — the tie group [lo, hi] of a value (0-based, in sorted order) gets rank (lo + hi)/2 + 1, whatever the
 * sort's order within the group — so no comparator callbacks or index arrays are allocated. Values must not be NaN.
 * O(n log n).
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  const rx = ranks(x);
  const ry = ranks(y);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mean) * (ry[i]! - mean);
    sxx += (rx[i]! - mean) ** 2;
    syy += (ry[i]! - mean) ** 2;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** Average ranks (1-based) of the values, in input order. */
function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = values[i]!;
  sorted.sort();
  const rank = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // first index whose value is not below v, and first index whose value is above v
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    hi = n;
    while (end < hi) {
      const mid = (end + hi) >>> 1;
      if (sorted[mid]! <= v) end = mid + 1;
      else hi = mid;
    }
    rank[i] = (lo + end - 1) / 2 + 1;
  }
  return rank;
}
