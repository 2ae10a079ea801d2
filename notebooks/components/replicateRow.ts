import type { OutcomeModel, SimulationSummary } from "../engine/simulate/index.js";
import { assumptionWords } from "./assumptionWords.js";

/** One PSA replicate as the report's tornado builder takes it (src/report `ReportReplicate`). */
export interface ReplicateRow {
  readonly parameters: Readonly<Record<string, number>>;
  readonly medians: Readonly<Record<string, { readonly pfs: number | null; readonly os: number | null }>>;
}

/**
 * The drawn parameters of a replicate's outcome model (each treatment's median PFS and OS, the assumptions) by
 * name in words, and each strategy's median PFS and OS — the input of `tornadoRowsFromReplicates`. Naming
 * only; the statistics are the library's.
 */
export function replicateRow(model: OutcomeModel, summary: SimulationSummary, treatmentName: (id: string) => string): ReplicateRow {
  const parameters: Record<string, number> = {};
  for (const [id, outcome] of Object.entries(model.parameters.treatments)) {
    parameters[`${treatmentName(id)} median PFS`] = outcome.pfsMedian;
    if (outcome.osMedian !== null) parameters[`${treatmentName(id)} median OS`] = outcome.osMedian;
  }
  for (const [name, value] of Object.entries(model.parameters.assumptions)) parameters[assumptionWords(name)] = value as number;
  const medians: Record<string, { pfs: number | null; os: number | null }> = {};
  for (const s of summary.strategies) medians[s.strategy] = { pfs: s.pfs.median.estimate, os: s.os.median.estimate };
  return { parameters, medians };
}
