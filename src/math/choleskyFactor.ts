/**
 * The Cholesky factor of a symmetric positive-definite matrix: the lower-triangular L with L·Lᵀ = A (R's
 * `t(chol(A))`; LAPACK's dpotrf). `matrix` is row-major, k × k, and is not modified; only its lower triangle is
 * read, after a check that it is symmetric to 1e-10 relative. Returns null when A is not positive definite (a
 * pivot ≤ 1e-14 × the largest diagonal entry), which callers report in their own words.
 *
 * The Cholesky–Banachiewicz order (row by row), O(k³/6) multiplications.
 */
export function choleskyFactor(matrix: readonly (readonly number[])[]): number[][] | null {
  const k = matrix.length;
  let scale = 0;
  for (let i = 0; i < k; i++) {
    if (matrix[i]!.length !== k) return null;
    scale = Math.max(scale, Math.abs(matrix[i]![i]!));
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      const a = matrix[i]![j]!;
      const b = matrix[j]![i]!;
      if (!Number.isFinite(a) || Math.abs(a - b) > 1e-10 * Math.max(scale, Math.abs(a), Math.abs(b))) return null;
    }
  }
  const lower = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!;
      for (let m = 0; m < j; m++) sum -= lower[i]![m]! * lower[j]![m]!;
      if (i === j) {
        if (!(sum > 1e-14 * scale)) return null;
        lower[i]![i] = Math.sqrt(sum);
      } else lower[i]![j] = sum / lower[j]![j]!;
    }
  }
  return lower;
}
