import type { EvidenceRegistry } from "../engine/evidence/index.js";
import type { SimulationResult } from "../engine/simulate/index.js";

/**
 * For each strategy of a run, the published median of its most common first line of treatment, when that
 * treatment's outcome model is calibrated to a registry figure (not an assumption): PFS from the figure the PFS
 * median comes from, OS from the OS figure. Marked on the Kaplan–Meier curves so calibration shows at a glance.
 * Reads the model's own sources; no statistics. O(n) per strategy.
 */
export function publishedFirstLineMedians(result: SimulationResult, registry: EvidenceRegistry, endpoint: "pfs" | "os"): Map<string, { months: number; label: string }> {
  const figureIds = new Set(registry.figures.map((f) => f.id));
  const treatmentName = (id: string) => registry.treatments.find((t) => t.id === id)?.name ?? id;
  const marks = new Map<string, { months: number; label: string }>();
  result.strategies.forEach((strategy, s) => {
    const counts = new Map<number, number>();
    for (const code of result.outcomes[s]!.pathway) counts.set(code, (counts.get(code) ?? 0) + 1);
    const firstLines = new Map<string, number>();
    for (const [code, count] of counts) {
      const first = (result.pathwayLabels[code] ?? "").split(">")[0] ?? "";
      if (first !== "") firstLines.set(first, (firstLines.get(first) ?? 0) + count);
    }
    const common = [...firstLines].sort((a, b) => b[1] - a[1])[0];
    if (common === undefined) return;
    for (const treatment of common[0].split("+")) {
      const outcome = result.model.parameters.treatments[treatment];
      if (outcome === undefined) continue;
      const months = endpoint === "pfs" ? outcome.pfsMedian : outcome.osMedian;
      const source = endpoint === "pfs" ? outcome.pfsSource : outcome.osSource;
      if (months === null || source === null || !figureIds.has(source)) continue;
      const share = Math.round((100 * common[1]) / result.n);
      marks.set(strategy, { months, label: `${treatmentName(treatment)} (first line of ${share}%): published median ${endpoint.toUpperCase()} ${months} months, ${source}` });
      return;
    }
  });
  return marks;
}
