import type { EvidenceRegistry } from "../evidence/EvidenceRegistry.js";
import type { OutcomeModel } from "../simulate/OutcomeModel.js";
import { outcomeAssumptionSources, sequencingAssumptionSources } from "../simulate/outcomeSources.js";
import { structureTargets } from "../simulate/structureCalibration.js";

/** One registry record that feeds the outcome model, with the DOIs it stands on. */
export interface ModelEvidenceInput {
  /** The figure or assumption id. */
  readonly registryId: string;
  /** Which endpoint it shapes: "pfs" (a treatment's PFS calibration), "os" (the OS structure), or "both" (a hazard ratio of both). */
  readonly endpoint: "pfs" | "os" | "both";
  /** What the record does in the model, in words. */
  readonly role: string;
  /** The treatment whose PFS it calibrates, when it calibrates one. */
  readonly treatment: string | null;
  /** DOIs behind it (lower case): a figure's DOIs; those written in an assumption's source; those of any figure the source names by id. */
  readonly dois: readonly string[];
}

const doiInText = /\b10\.\d{4,9}\/[^\s;,]+[^\s;,.)]/g;

/**
 * Every record of the registry that the model was calibrated or fitted to, found from the model and the registry
 * themselves (nothing hand-set):
 * - each treatment's PFS figure or assumed median (`pfsSource`; and `osSource` in the sum-of-lines structure);
 * - the external OS ranges the sequencing structure's post-progression rates were fitted to (`structureTargets`),
 *   and the structure's assumptions;
 * - the other outcome assumptions (hazard ratios, shapes) that cite an outside source.
 * An assumption's DOIs are those written in its `source`, plus the DOIs of every registry figure its source names
 * by id (e.g. outcome.pps.rate.lowGrade → external.lowGrade.os.median → RADIANT-3, A6181111 and E2211). O(records).
 */
export function modelEvidenceInputs(model: OutcomeModel, registry: EvidenceRegistry): ModelEvidenceInput[] {
  const figureIds = new Set(registry.figures.map((f) => f.id));
  const assumptionIds = new Set(registry.assumptions.map((a) => a.id));
  const doisOf = (id: string): string[] => {
    if (figureIds.has(id)) return registry.figure(id).dois.map((d) => d.toLowerCase());
    if (!assumptionIds.has(id)) return [];
    const source = registry.assumption(id).source ?? "";
    const named = registry.figures.filter((f) => new RegExp(`(^|[^\\w.])${f.id.replace(/\./g, "\\.")}(?![\\w])`).test(source)).flatMap((f) => f.dois);
    return [...new Set([...(source.match(doiInText) ?? []), ...named].map((d) => d.toLowerCase()))];
  };
  const inputs: ModelEvidenceInput[] = [];
  const add = (registryId: string, endpoint: ModelEvidenceInput["endpoint"], role: string, treatment: string | null) => {
    const dois = doisOf(registryId);
    if (dois.length > 0) inputs.push({ registryId, endpoint, role, treatment, dois });
  };
  for (const id of model.treatmentIds) {
    const t = model.parameters.treatments[id];
    add(t.pfsSource, "pfs", `calibrates the PFS of ${id}`, id);
    if (model.structure === "sum-of-lines" && t.osSource !== null) add(t.osSource, "os", `calibrates the post-progression survival of ${id}`, id);
  }
  if (model.structure === "sequencing") {
    for (const target of structureTargets) add(target.id, "os", `target of the structural fit (${sequencingAssumptionSources[target.parameter]}, ${target.label} OS)`, null);
    // the fitted rates are represented by their targets above
    const fitted = new Set<string>(structureTargets.map((t) => t.parameter));
    for (const [name, id] of Object.entries(sequencingAssumptionSources)) if (!fitted.has(name)) add(id, "os", `assumption of the sequencing structure (${name})`, null);
  }
  for (const id of Object.values(outcomeAssumptionSources)) add(id, "both", "assumption of the outcome model", null);
  return inputs;
}
