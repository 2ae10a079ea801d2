/**
 * Number formats shared by figure annotations and report tables, so a figure and its table never disagree.
 * Pure functions; the en dash separates interval limits as journals print them.
 */

/** A fixed-decimals number, or "NR" (not reached) for null/NaN — R prints NA for an unreached median. */
export function formatNumberOrNR(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "NR" : value.toFixed(digits);
}

/** "0.72 (0.65–0.80)". */
export function formatEstimateInterval(estimate: number | null, lower: number | null, upper: number | null, digits = 2): string {
  return `${formatNumberOrNR(estimate, digits)} (${formatNumberOrNR(lower, digits)}–${formatNumberOrNR(upper, digits)})`;
}

/** "p < 0.001", "p = 0.012", "p = 0.43": two significant digits, never "p = 0". */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return "p = NA";
  if (p < 0.001) return "p < 0.001";
  if (p >= 0.995) return "p > 0.99";
  return `p = ${Number(p.toPrecision(2))}`;
}
