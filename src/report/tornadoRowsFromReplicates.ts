import type { TornadoRow } from "../figures/tornadoSpec.js";
import type { ReportReplicate } from "./ReportInput.js";

/**
 * Tornado rows from a probabilistic sensitivity analysis: for each input parameter, the mean outcome
 * (e.g. median OS of one strategy) over the replicates whose draw of that parameter lies in its lowest
 * third, and over those in its highest third, against the mean over all replicates. A one-at-a-time
 * summary of the joint draws: wide bars mark inputs that move the outcome most. Needs ≥ 3 replicates;
 * parameters that did not vary are left out. O(parameters × R log R).
 */
export function tornadoRowsFromReplicates(replicates: readonly ReportReplicate[], strategy: string, endpoint: "pfs" | "os"): TornadoRow[] {
  const usable = replicates.filter((r) => {
    const m = r.medians[strategy]?.[endpoint];
    return m !== null && m !== undefined && Number.isFinite(m);
  });
  if (usable.length < 3) return [];
  const outcome = (r: ReportReplicate) => r.medians[strategy]![endpoint]!;
  const baseline = mean(usable.map(outcome));
  const names = [...new Set(usable.flatMap((r) => Object.keys(r.parameters)))].sort();
  const rows: TornadoRow[] = [];
  for (const name of names) {
    const draws = usable.filter((r) => Number.isFinite(r.parameters[name])).sort((a, b) => a.parameters[name] - b.parameters[name] || outcome(a) - outcome(b));
    if (draws.length < 3) continue;
    const low = draws[0].parameters[name];
    const high = draws[draws.length - 1].parameters[name];
    if (!(high > low)) continue;
    const third = Math.max(1, Math.floor(draws.length / 3));
    rows.push({
      parameter: name,
      lowValue: mean(draws.slice(0, third).map(outcome)),
      highValue: mean(draws.slice(draws.length - third).map(outcome)),
      baseline,
      inputRange: `${significant(low)}–${significant(high)}`,
    });
  }
  return rows;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const significant = (x: number) => String(Number(x.toPrecision(2)));
