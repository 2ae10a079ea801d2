import type { TrialValidation } from "./compareWithPublished.js";

/** Counts of hazard ratios compared and inside their published CI. */
export interface HazardRatioCount {
  readonly hazardRatios: number;
  readonly insideCI: number;
  /** "trial id endpoint" of each HR outside its published CI. */
  readonly outside: readonly string[];
}

/** The summary line of a validation run. */
export interface ValidationSummary {
  readonly trials: number;
  readonly circularTrials: number;
  /** HRs of endpoints that no figure of their trial feeds: the real test. */
  readonly independent: HazardRatioCount;
  /** HRs of endpoints a figure of their own trial feeds (calibration input or an assumption's source). */
  readonly circular: HazardRatioCount;
  /** The summary in one sentence. */
  readonly text: string;
}

/**
 * Counts trials, and published hazard ratios whose CI contains the predicted one, keeping the circular endpoints
 * (a figure of that trial feeds the model) apart from the independent ones. Pure; O(trials).
 */
export function validationSummary(validations: readonly TrialValidation[]): ValidationSummary {
  const count = (circular: boolean): HazardRatioCount => {
    let hazardRatios = 0;
    let insideCI = 0;
    const outside: string[] = [];
    for (const v of validations) {
      for (const endpoint of ["pfs", "os"] as const) {
        const inside = v.insideCI[endpoint];
        if (inside === undefined || v.circularity.endpoints[endpoint] !== circular) continue;
        hazardRatios++;
        if (inside) insideCI++;
        else outside.push(`${v.id} ${endpoint.toUpperCase()}`);
      }
    }
    return { hazardRatios, insideCI, outside };
  };
  const independent = count(false);
  const circular = count(true);
  const circularTrials = validations.filter((v) => v.circular).length;
  const part = (c: HazardRatioCount, what: string) =>
    c.hazardRatios === 0 ? `no ${what} hazard ratio` : `${c.insideCI} of ${c.hazardRatios} ${what} hazard ratio${c.hazardRatios === 1 ? "" : "s"} inside the published 95% CI${c.outside.length > 0 ? ` (outside: ${c.outside.join(", ")})` : ""}`;
  const text =
    `${validations.length} trial${validations.length === 1 ? "" : "s"} (${circularTrials} partly circular): ` +
    `${part(independent, "independent")}; ${part(circular, "circular")} — counted apart, since a figure of the same trial feeds the model.`;
  return { trials: validations.length, circularTrials, independent, circular, text };
}
