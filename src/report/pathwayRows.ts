import type { CompositionRow } from "../figures/compositionSpec.js";
import type { ReportStrategy } from "./ReportInput.js";
import { shortTreatmentName } from "./shortTreatmentNames.js";

/** A pathway label in words: treatment ids replaced by names, lines joined by " > ", steps by " + ". */
export function pathwayInWords(label: string, names: Readonly<Record<string, string>>): string {
  return label
    .split(">")
    .map((line) => line.split("+").map((id) => names[id] ?? id).join(" + "))
    .join(" > ");
}

/**
 * The lines of a pathway label with short names, symptom-control steps (`skip`, e.g. glucose before surgery)
 * left out and lines left empty by that dropped. "glucoseControl+hace>ssa>captem" → ["HACE/TACE", "SSA", "CAPTEM"].
 */
export function pathwayLines(label: string, names: Readonly<Record<string, string>>, skip: ReadonlySet<string>): string[] {
  return label
    .split(">")
    .map((line) => line.split("+").filter((id) => id !== "" && !skip.has(id)).map((id) => shortTreatmentName(id, names)).join(" + "))
    .filter((line) => line !== "");
}

/** Patients per pathway of one strategy, most frequent first (ties by label). O(n + pathways log pathways). */
export function pathwayShares(strategy: ReportStrategy, names: Readonly<Record<string, string>>): { label: string; count: number; share: number }[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < strategy.pathway.length; i++) counts.set(strategy.pathway[i], (counts.get(strategy.pathway[i]) ?? 0) + 1);
  const n = strategy.pathway.length;
  return [...counts.entries()]
    .map(([code, count]) => ({ label: pathwayInWords(strategy.pathwayLabels[code] ?? String(code), names), count, share: n > 0 ? count / n : 0 }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** Patients per pathway code. O(n). */
function codeCounts(strategy: ReportStrategy): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < strategy.pathway.length; i++) counts.set(strategy.pathway[i], (counts.get(strategy.pathway[i]) ?? 0) + 1);
  return counts;
}

/** Keeps the `top` categories by total count; the rest become `other`. */
function keepTop(totals: ReadonlyMap<string, number>, top: number): Set<string> {
  return new Set([...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, top).map(([label]) => label));
}

/**
 * Composition rows for the pathway figure: for each strategy, patients by first line of treatment (the `top`
 * most frequent first lines overall, the rest pooled as "Other first lines"). O(strategies × n).
 */
export function firstLineCompositionRows(strategies: readonly ReportStrategy[], names: Readonly<Record<string, string>>, skip: ReadonlySet<string>, top = 7): CompositionRow[] {
  const perStrategy = strategies.map((s) => {
    const rows = new Map<string, number>();
    for (const [code, count] of codeCounts(s)) {
      const first = pathwayLines(s.pathwayLabels[code] ?? "", names, skip)[0] ?? "Best supportive care";
      rows.set(first, (rows.get(first) ?? 0) + count);
    }
    return rows;
  });
  const totals = new Map<string, number>();
  for (const rows of perStrategy) for (const [label, count] of rows) totals.set(label, (totals.get(label) ?? 0) + count);
  const kept = keepTop(totals, top);
  return strategies.flatMap((s, i) => {
    const pooled = new Map<string, number>();
    for (const [label, count] of perStrategy[i]) {
      const category = kept.has(label) ? label : "Other first lines";
      pooled.set(category, (pooled.get(category) ?? 0) + count);
    }
    return [...pooled.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([category, count]) => ({ bar: s.label, category, count }));
  });
}

/**
 * Flow from one line of treatment to the next in one strategy (default first → second): one bar per treatment
 * at line `from` + 1 (the `top` most frequent, others pooled; patients without that line left out), segments
 * by the next line ("No second line", "No third line", … when the pathway stops). O(n).
 */
export function lineFlowRows(strategy: ReportStrategy, names: Readonly<Record<string, string>>, skip: ReadonlySet<string>, top = 6, from = 0): CompositionRow[] {
  const ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"];
  const none = `No ${ordinals[from + 1] ?? `line-${from + 2}`} line`;
  const otherFirst = `Other ${ordinals[from] ?? `line-${from + 1}`} lines`;
  const otherSecond = `Other ${ordinals[from + 1] ?? `line-${from + 2}`} lines`;
  const pairs = new Map<string, Map<string, number>>();
  const firstTotals = new Map<string, number>();
  const secondTotals = new Map<string, number>();
  for (const [code, count] of codeCounts(strategy)) {
    const lines = pathwayLines(strategy.pathwayLabels[code] ?? "", names, skip);
    if (from > 0 && lines.length <= from) continue;
    const first = lines[from] ?? "Best supportive care";
    const second = lines[from + 1] ?? none;
    firstTotals.set(first, (firstTotals.get(first) ?? 0) + count);
    secondTotals.set(second, (secondTotals.get(second) ?? 0) + count);
    const row = pairs.get(first) ?? new Map<string, number>();
    row.set(second, (row.get(second) ?? 0) + count);
    pairs.set(first, row);
  }
  const keptFirst = keepTop(firstTotals, top);
  const keptSecond = keepTop(secondTotals, top);
  const merged = new Map<string, Map<string, number>>();
  for (const [first, seconds] of pairs) {
    const bar = keptFirst.has(first) ? first : otherFirst;
    const row = merged.get(bar) ?? new Map<string, number>();
    for (const [second, count] of seconds) {
      const category = keptSecond.has(second) ? second : otherSecond;
      row.set(category, (row.get(category) ?? 0) + count);
    }
    merged.set(bar, row);
  }
  const order = [...merged.keys()].sort((a, b) => (a === otherFirst ? 1 : b === otherFirst ? -1 : (firstTotals.get(b) ?? 0) - (firstTotals.get(a) ?? 0) || a.localeCompare(b)));
  return order.flatMap((bar) => [...merged.get(bar)!.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([category, count]) => ({ bar, category, count })));
}
