import type { ValidationPlotRow } from "../figures/validationPlotSpec.js";
import type { TrialValidation } from "../validation/compareWithPublished.js";

/** Display names of the shipped trials' ids; other ids are shown as given. */
const trialNames: Readonly<Record<string, string>> = { "radiant-3": "RADIANT-3", sun1111: "A6181111 (SUN1111)", "sanet-p": "SANET-p", "netter-2": "NETTER-2", clarinet: "CLARINET" };

/** A trial id in words: "RADIANT-3" for radiant-3, else the id. */
export function trialName(id: string): string {
  return trialNames[id] ?? id;
}

/** The rows of the validation figure: one per trial endpoint with a published hazard ratio, in trial order, PFS first. Pure. */
export function validationPlotRows(trials: readonly TrialValidation[]): ValidationPlotRow[] {
  return trials.flatMap((t) =>
    (["pfs", "os"] as const).flatMap((endpoint) => {
      const published = t.published[endpoint];
      if (published === undefined) return [];
      return [{ label: `${trialName(t.id)}, ${endpoint.toUpperCase()}`, predicted: t.predicted[endpoint].hr, published: published.hr, circular: t.circularity.endpoints[endpoint] }];
    }),
  );
}
