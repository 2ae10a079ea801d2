import { InputError } from "../util/InputError.js";
import type { Assumption } from "./Assumption.js";
import type { EvidenceFigure } from "./EvidenceFigure.js";
import type { LifeTable } from "./LifeTable.js";
import type { Reference, SourceDocument } from "./Reference.js";
import type { Threshold } from "./Threshold.js";
import type { Treatment } from "./Treatment.js";
import { closestIds } from "./closestIds.js";

/**
 * The validated evidence registry: the review's figures, its reference list, its thresholds, the treatment
 * ids, and the labelled assumptions. Lookups throw an {@link InputError} for an unknown id, with the closest
 * known ids as a hint.
 */
export interface EvidenceRegistry {
  /** The review itself, or null when no references file carried a `source` record. */
  readonly source: SourceDocument | null;
  readonly figures: readonly EvidenceFigure[];
  readonly references: readonly Reference[];
  readonly thresholds: readonly Threshold[];
  readonly treatments: readonly Treatment[];
  readonly assumptions: readonly Assumption[];
  /** National period life tables for deaths from other causes (data/evidence/lifeTables.json). */
  readonly lifeTables: readonly LifeTable[];
  figure(id: string): EvidenceFigure;
  lifeTable(id: string): LifeTable;
  reference(number: number): Reference;
  threshold(id: string): Threshold;
  treatment(id: string): Treatment;
  assumption(id: string): Assumption;
}

/** The parts of a registry, already validated. */
export interface RegistryParts {
  readonly source: SourceDocument | null;
  readonly figures: readonly EvidenceFigure[];
  readonly references: readonly Reference[];
  readonly thresholds: readonly Threshold[];
  readonly treatments: readonly Treatment[];
  readonly assumptions: readonly Assumption[];
  readonly lifeTables?: readonly LifeTable[];
}

/** Builds the lookup object over validated parts (frozen; lookups by Map, O(1)). */
export function createRegistry(parts: RegistryParts): EvidenceRegistry {
  const byId = <T extends { id: string }>(records: readonly T[]) => new Map(records.map((r) => [r.id, r]));
  const figures = byId(parts.figures);
  const thresholds = byId(parts.thresholds);
  const treatments = byId(parts.treatments);
  const assumptions = byId(parts.assumptions);
  const references = new Map(parts.references.map((r) => [r.number, r]));
  const lifeTables = byId(parts.lifeTables ?? []);

  function lookup<T>(kind: string, map: ReadonlyMap<string, T>, id: string): T {
    const found = map.get(id);
    if (found !== undefined) return found;
    const near = closestIds(String(id), [...map.keys()]);
    throw new InputError(`unknown ${kind} id '${id}'${near.length > 0 ? `; did you mean ${near.map((n) => `'${n}'`).join(", ")}?` : ""}`);
  }

  return Object.freeze({
    source: parts.source,
    figures: Object.freeze([...parts.figures]),
    references: Object.freeze([...parts.references]),
    thresholds: Object.freeze([...parts.thresholds]),
    treatments: Object.freeze([...parts.treatments]),
    assumptions: Object.freeze([...parts.assumptions]),
    lifeTables: Object.freeze([...(parts.lifeTables ?? [])]),
    lifeTable: (id: string) => lookup("life table", lifeTables, id),
    figure: (id: string) => lookup("figure", figures, id),
    threshold: (id: string) => lookup("threshold", thresholds, id),
    treatment: (id: string) => lookup("treatment", treatments, id),
    assumption: (id: string) => lookup("assumption", assumptions, id),
    reference(number: number): Reference {
      const found = references.get(number);
      if (found === undefined) throw new InputError(`unknown reference number ${number}; the review's list runs from 1 to ${parts.references.length}`);
      return found;
    },
  });
}
