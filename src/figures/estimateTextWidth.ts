/**
 * Advance widths of DejaVu Sans (regular) for the printable ASCII characters 32–126, in em, read from the
 * font's hmtx table (see fontMetricsNode.ts). Lets the pure spec builders reserve the right room for axis
 * labels in the browser as in Node.
 */
const asciiAdvances = [
  0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318, 0.337, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636,
  0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531, 1, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557,
  0.863, 0.748, 0.787, 0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.39, 0.337, 0.39, 0.838, 0.5, 0.5, 0.613, 0.635,
  0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818,
  0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
] as const;

/** Other characters count as 0.65 em (en dash 0.5, ≥ 0.84, accented letters ≈ 0.6–0.7). */
const otherAdvance = 0.65;

/**
 * Width in points of a line of text in DejaVu Sans at `fontSize` (bold: 14% wider, an upper bound of
 * DejaVu Sans Bold's 12.6–13.9% on label text; 8% under-reserved and headings were cut off), without kerning.
 * O(length).
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    em += code >= 32 && code < 127 ? asciiAdvances[code - 32] : otherAdvance;
  }
  return em * fontSize * (bold ? 1.14 : 1);
}
