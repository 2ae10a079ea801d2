import { readFileSync } from "node:fs";
import { compileBackgroundMortality } from "../../src/simulate/backgroundMortality.js";
import { sequencingModelOf } from "../../src/simulate/calibrateSequencingModel.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import type { OutcomeModel } from "../../src/simulate/OutcomeModel.js";
import { resolveOutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import type { TrialFile } from "../../src/validation/parseTrialFile.js";

/** The registry, rules and strategies of data/ (loaded once per test file). */
export const { context, strategies } = loadSimulationContextNode();

/** A shipped trial file of data/validation, parsed as JSON (not validated). */
export function shippedTrial(id: string): TrialFile {
  return JSON.parse(readFileSync(new URL(`../../data/validation/${id}.json`, import.meta.url), "utf8")) as TrialFile;
}

/**
 * An outcome model with no covariates: every patient-factor hazard ratio 1, no frailty, no deaths (no disease death,
 * an all-zero life table), Weibull shape 1 — so a line of treatment t lasts an exponential time with median
 * `medians[t]` months (scale = median / ln 2). Treatments not named get median 1.
 */
export function exponentialModel(medians: Readonly<Record<string, number>>): OutcomeModel {
  const base = resolveOutcomeParameters(context.registry);
  const assumptions = Object.fromEntries(Object.entries(base.assumptions).map(([name, value]) => [name, name.startsWith("hr") ? 1 : value])) as typeof base.assumptions;
  const parameters = {
    ...base,
    assumptions: { ...assumptions, pfsShape: 1, ppsShape: 1, deathShare: 0 },
    sequencing: { ...base.sequencing, ppsRateLowGrade: 0, ppsRateG3: 0, ppsRateNec: 0, onTreatmentDeathRatio: 0, frailtyLogVariance: 0 },
  };
  const background = compileBackgroundMortality({ id: "none", name: "no deaths from other causes", source: "test", firstAge: 0, probabilityOfDeath: { female: [0], male: [0] } });
  const treatmentIds = Object.keys(parameters.treatments);
  return {
    parameters,
    structure: "sequencing",
    sequencing: sequencingModelOf(parameters, background),
    treatmentIds,
    pfsScale: treatmentIds.map((id) => (medians[id] ?? 1) / Math.LN2),
    ppsScale: treatmentIds.map(() => 0),
    pfsShape: 1,
    ppsShape: 1,
    deathShare: 0,
  };
}
