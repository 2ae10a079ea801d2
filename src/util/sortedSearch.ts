/**
 * Binary searches in an ascending array (e.g. the distinct times of a Kaplan–Meier curve). A step
 * function's value at t is that of row `countAtOrBelow(times, t) − 1` (none before the first time); a risk
 * set at t starts at row `countBelow(times, t)`. O(log n), no allocation.
 */

/** How many entries are ≤ value (the index of the first entry > value). */
export function countAtOrBelow(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many entries are < value (the index of the first entry ≥ value). */
export function countBelow(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
