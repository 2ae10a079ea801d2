import { referenceCohortSpec } from "../cohort/referenceCohortSpec.js";
import type { CohortSpec } from "../cohort/Scenario.js";
import type { EvidenceRegistry, LifeTable, PopulationSpec } from "../evidence/index.js";
import type { RandomSource } from "../random/index.js";
import { InputError } from "../util/InputError.js";
import {
  debulkingThresholdSource, defaultLifeTable, type EvidenceSet, type OutcomeAssumptionName, outcomeAssumptionSources, type SequencingAssumptionName, sequencingAssumptionSources,
  treatmentOutcomeSources,
} from "./outcomeSources.js";

/** The outcome model of one treatment, before calibration (medians as reported or assumed). */
export interface TreatmentOutcome {
  /** Median PFS of a line of this treatment on a cohort given only it, months. */
  readonly pfsMedian: number;
  /** Where the PFS median comes from (figure or assumption id). */
  readonly pfsSource: string;
  /** The OS median to calibrate post-progression survival to, months; null when the review gives none. */
  readonly osMedian: number | null;
  readonly osSource: string | null;
  /** The population the PFS median was measured in (the figure's or the assumption's `populationSpec`); null when it gives none. */
  readonly population: PopulationSpec | null;
  /** Which evidence set the PFS median comes from. */
  readonly evidence: EvidenceSet;
}

/** A scenario's choice of evidence (scenario field `evidence`): a set for every treatment, and per-treatment exceptions. */
export interface EvidenceChoice {
  readonly set?: EvidenceSet;
  readonly treatments?: Readonly<Record<string, EvidenceSet>>;
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
  /** The sequencing structure's numbers (data/assumptions/structure.json). */
  readonly sequencing: Readonly<Record<SequencingAssumptionName, number>>;
  /** The registry's reference cohort, which a figure's population narrows for calibration (src/cohort referenceCohortSpec). */
  readonly referenceCohort: CohortSpec;
  /** The life tables of the registry, by id. */
  readonly lifeTables: Readonly<Record<string, LifeTable>>;
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
export function resolveOutcomeParameters(registry: EvidenceRegistry, choice: ParameterChoice = { kind: "point" }, evidence: EvidenceChoice = {}): OutcomeParameters {
  const lookup = (id: string) => {
    const figure = registry.figures.find((f) => f.id === id);
    return figure ?? registry.assumption(id);
  };
  const problemsUp: string[] = [];
  for (const [treatment, set] of Object.entries(evidence.treatments ?? {})) {
    if (treatmentOutcomeSources[treatment] === undefined) problemsUp.push(`evidence.treatments.${treatment}: no outcome model for treatment '${treatment}'`);
    else if (set === "trials" && treatmentOutcomeSources[treatment].trialPfsMedian === undefined) {
      problemsUp.push(`evidence.treatments.${treatment}: the registry has no randomised-trial figure for '${treatment}' (treatments with one: ${Object.entries(treatmentOutcomeSources).filter(([, v]) => v.trialPfsMedian !== undefined).map(([k]) => k).join(", ")})`);
    }
  }
  if (problemsUp.length > 0) throw new InputError(`outcome model: ${problemsUp.length} problem${problemsUp.length === 1 ? "" : "s"} in the evidence choice`, problemsUp);
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
    const set: EvidenceSet = evidence.treatments?.[treatment] ?? (sources.trialPfsMedian !== undefined ? evidence.set ?? "review" : "review");
    const pfsSource = set === "trials" && sources.trialPfsMedian !== undefined ? sources.trialPfsMedian : sources.pfsMedian;
    const pfsMedian = safely(pfsSource, () => valueOf(pfsSource));
    const osMedian = sources.osMedian === undefined ? null : safely(sources.osMedian, () => valueOf(sources.osMedian!));
    if (pfsMedian === undefined || osMedian === undefined) continue;
    const population = safely(pfsSource, () => lookup(pfsSource).populationSpec ?? null) ?? null;
    treatments[treatment] = { pfsMedian, pfsSource, osMedian, osSource: sources.osMedian ?? null, population, evidence: set };
  }
  const assumptions: Partial<Record<OutcomeAssumptionName, number>> = {};
  for (const [name, id] of Object.entries(outcomeAssumptionSources) as [OutcomeAssumptionName, string][]) {
    const value = safely(id, () => valueOf(id));
    if (value !== undefined) assumptions[name] = value;
  }
  const sequencing: Partial<Record<SequencingAssumptionName, number>> = {};
  for (const [name, id] of Object.entries(sequencingAssumptionSources) as [SequencingAssumptionName, string][]) {
    // the calibration seed and size are fixed data, never drawn
    const value = safely(id, () => (name === "calibrationSeed" || name === "calibrationCohortSize" ? chooseValue(lookup(id), { kind: "point" }) : valueOf(id)));
    if (value !== undefined) sequencing[name] = value;
  }
  const referenceCohort = safely("data/assumptions/cohort.json", () => referenceCohortSpec(registry));
  const debulkingThreshold = safely(debulkingThresholdSource, () => registry.threshold(debulkingThresholdSource).value);
  if (problems.length > 0 || debulkingThreshold === undefined || referenceCohort === undefined) throw new InputError(`outcome model: ${problems.length} number${problems.length === 1 ? "" : "s"} missing from the evidence registry`, problems);
  return {
    treatments,
    assumptions: assumptions as Record<OutcomeAssumptionName, number>,
    debulkingThreshold,
    zeroDurationTreatments: registry.treatments.filter((t) => t.kind === "symptom").map((t) => t.id),
    sequencing: sequencing as Record<SequencingAssumptionName, number>,
    referenceCohort,
    lifeTables: Object.fromEntries(registry.lifeTables.map((t) => [t.id, t])),
  };
}

/** The life table a model uses: the scenario's `lifeTable`, else {@link defaultLifeTable}; an InputError naming the known ones otherwise. */
export function chooseLifeTable(parameters: OutcomeParameters, id: string = defaultLifeTable): LifeTable {
  const table = parameters.lifeTables[id];
  if (table === undefined) throw new InputError(`lifeTable: unknown life table '${id}'; known: ${Object.keys(parameters.lifeTables).join(", ") || "none (data/evidence/lifeTables.json)"}`);
  return table;
}
