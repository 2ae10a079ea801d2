import type { CodedLabels } from "./SurvivalData.js";

/**
 * Recodes labels read from a CSV to R's factor() level order: numerically when every label is a number,
 * otherwise by string comparison (code units, as R in the C locale). Returns the levels and, per row, the
 * index of its level. O(rows + labels log labels).
 */
export function inLevelOrder(coded: CodedLabels): { levels: string[]; index: Int32Array } {
  const labels = [...coded.labels];
  const numeric = labels.every((label) => label.trim() !== "" && Number.isFinite(Number(label)));
  const levels = [...labels].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const position = new Map(levels.map((level, i) => [level, i]));
  // The readers key labels by their bytes and reject invalid UTF-8, so distinct labels are distinct strings;
  // if two ever met here, merging them silently would change a result: stop instead.
  if (position.size !== labels.length) throw new Error("inLevelOrder: two distinct labels have the same text");
  const recode = Int32Array.from(labels, (label) => position.get(label)!);
  const index = new Int32Array(coded.codes.length);
  for (let i = 0; i < index.length; i++) index[i] = recode[coded.codes[i]!]!;
  return { levels, index };
}
