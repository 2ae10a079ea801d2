/**
 * Solves the square linear system A x = b by Gaussian elimination with partial pivoting (what R's
 * `solve()` does through LAPACK's dgesv). `matrix` is row-major, k × k; inputs are not modified.
 * Returns null when the matrix is singular. Runs in O(k³).
 */
export function solveLinear(matrix: readonly number[][], rightHandSide: readonly number[]): number[] | null {
  const k = rightHandSide.length;
  const a = matrix.map((row) => [...row]);
  const b = [...rightHandSide];
  let scale = 0;
  for (const row of a) for (const v of row) scale = Math.max(scale, Math.abs(v));
  for (let column = 0; column < k; column++) {
    let pivot = column;
    for (let r = column + 1; r < k; r++) if (Math.abs(a[r]![column]!) > Math.abs(a[pivot]![column]!)) pivot = r;
    if (Math.abs(a[pivot]![column]!) <= scale * 1e-14 || a[pivot]![column] === 0) return null;
    if (pivot !== column) {
      [a[pivot], a[column]] = [a[column]!, a[pivot]!];
      [b[pivot], b[column]] = [b[column]!, b[pivot]!];
    }
    for (let r = column + 1; r < k; r++) {
      const factor = a[r]![column]! / a[column]![column]!;
      if (factor === 0) continue;
      for (let c = column; c < k; c++) a[r]![c]! -= factor * a[column]![c]!;
      b[r]! -= factor * b[column]!;
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) {
    let sum = b[r]!;
    for (let c = r + 1; c < k; c++) sum -= a[r]![c]! * x[c]!;
    x[r] = sum / a[r]![r]!;
  }
  return x;
}

/** Inverts a symmetric positive-definite matrix by solving against the identity; null if singular. */
export function invertMatrix(matrix: readonly number[][]): number[][] | null {
  const k = matrix.length;
  const columns: number[][] = [];
  for (let c = 0; c < k; c++) {
    const unit = new Array<number>(k).fill(0);
    unit[c] = 1;
    const column = solveLinear(matrix, unit);
    if (column === null) return null;
    columns.push(column);
  }
  return matrix.map((_, r) => columns.map((column) => column[r]!));
}
