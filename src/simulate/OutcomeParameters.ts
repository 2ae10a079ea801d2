import type { EvidenceRegistry } from "../evidence/index.js";
import type { RandomSource } from "../random/index.js";
import { InputError } from "../util/InputError.js";
import { debulkingThresholdSource, type OutcomeAssumptionName, outcomeAssumptionSources, treatmentOutcomeSources } from "./outcomeSources.js";

/** The outcome model of one treatment, before calibration (medians as reported or assumed). */
export interface TreatmentOutcome {
  /** Median PFS of a line of this treatment on a cohort given only it, months. */
  readonly pfsMedian: number;
  /** Where the PFS median comes from (figure or assumption id). */
  readonly pfsSource: string;
  /** The OS median to calibrate post-progression survival to, months; null when the review gives none. */
  readonly osMedian: number | null;
  readonly osSource: string | null;
}

/**
 * Every number of the outcome model, resolved from the evidence registry: plain data (JSON-serialisable, so it
 * can be sent to worker threads and bundled for the browser). Calibration turns it into {@link CalibratedModel}.
 */
export interface OutcomeParameters {
  readonly treatments: Readonly<Record<string, TreatmentOutcome>>;
  readonly assumptions: Readonly<Record<OutcomeAssumptionName, number>>;
  readonly debulkingThreshold: number;
  /** Treatment ids of kind "symptom": they take no time in a pathway. */
  readonly zeroDurationTreatments: readonly string[];
}

/** How a number with a range is chosen: its point value (base case) or a draw from its range (PSA). */
export type ParameterChoice = { readonly kind: "point" } | { readonly kind: "draw"; readonly source: RandomSource };

/**
 * The value of a figure or assumption: its `value` (else the midpoint of `low`–`high`) for the base case; for a
 * probabilistic sensitivity analysis a uniform draw on `[low, high]` where a range is given (a point value
 * without a range stays fixed). Percent units are not converted here.
 */
function chooseValue(record: { id: string; value?: number; low?: number; high?: number }, choice: ParameterChoice): number {
  const hasRange = record.low !== undefined && record.high !== undefined;
  if (choice.kind === "draw" && hasRange) return record.low! + choice.source() * (record.high! - record.low!);
  if (record.value !== undefined) return record.value;
  if (hasRange) return (record.low! + record.high!) / 2;
  throw new InputError(`${record.id}: has neither a value nor a low-high range`);
}

/**
 * Resolves the outcome model's numbers from the registry (figures first, then assumptions, by id; see
 * outcomeSources.ts). With `choice.kind === "draw"` every ranged number is drawn from its range, in a fixed
 * order (treatments in table order, then assumptions in table order; an id used twice is drawn once), so
 * replicate r of a seed always draws the same parameters.
 */
export function resolveOutcomeParameters(registry: EvidenceRegistry, choice: ParameterChoice = { kind: "point" }): OutcomeParameters {
  const lookup = (id: string) => {
    const figure = registry.figures.find((f) => f.id === id);
    return figure ?? registry.assumption(id);
  };
  // one value per id: treatments that share a source (HAE, HACE and SIRT) share its draw
  const chosen = new Map<string, number>();
  const valueOf = (id: string) => {
    let value = chosen.get(id);
    if (value === undefined) {
      value = chooseValue(lookup(id), choice);
      chosen.set(id, value);
    }
    return value;
  };
  const problems: string[] = [];
  const safely = <T>(id: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (error) {
      problems.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  const treatments: Record<string, TreatmentOutcome> = {};
  for (const [treatment, sources] of Object.entries(treatmentOutcomeSources)) {
    const pfsMedian = safely(sources.pfsMedian, () => valueOf(sources.pfsMedian));
    const osMedian = sources.osMedian === undefined ? null : safely(sources.osMedian, () => valueOf(sources.osMedian!));
    if (pfsMedian === undefined || osMedian === undefined) continue;
    treatments[treatment] = { pfsMedian, pfsSource: sources.pfsMedian, osMedian, osSource: sources.osMedian ?? null };
  }
  const assumptions: Partial<Record<OutcomeAssumptionName, number>> = {};
  for (const [name, id] of Object.entries(outcomeAssumptionSources) as [OutcomeAssumptionName, string][]) {
    const value = safely(id, () => valueOf(id));
    if (value !== undefined) assumptions[name] = value;
  }
  const debulkingThreshold = safely(debulkingThresholdSource, () => registry.threshold(debulkingThresholdSource).value);
  if (problems.length > 0 || debulkingThreshold === undefined) throw new InputError(`outcome model: ${problems.length} number${problems.length === 1 ? "" : "s"} missing from the evidence registry`, problems);
  return {
    treatments,
    assumptions: assumptions as Record<OutcomeAssumptionName, number>,
    debulkingThreshold,
    zeroDurationTreatments: registry.treatments.filter((t) => t.kind === "symptom").map((t) => t.id),
  };
}
