import type { SimulationContext, StrategyLike } from "../simulate/SimulationContext.js";
import { type TrialValidation, compareWithPublished } from "./compareWithPublished.js";
import { type TrialEmulationSetup, emulateTrial } from "./emulateTrial.js";
import { modelEvidenceInputs } from "./modelEvidenceInputs.js";
import type { TrialFile } from "./parseTrialFile.js";
import { trialCircularity } from "./trialCircularity.js";
import { type ValidationSummary, validationSummary } from "./validationSummary.js";

/** The result of {@link validateTrials}. Plain data. */
export interface ValidationResult {
  readonly trials: readonly TrialValidation[];
  readonly summary: ValidationSummary;
}

/**
 * Validates the model against published trials:
 *
 *   model + registry ─ modelEvidenceInputs ─► the records the model was calibrated or fitted to
 *   each trial: emulateTrial ─► predicted medians and HRs ─┐
 *               trialCircularity (trial DOIs × those records) ─┴─ compareWithPublished ─► TrialValidation
 *   all trials ─ validationSummary ─► counts inside the published CIs, circular endpoints apart
 *
 * `files` gives, per trial, the file it came from (for the output). Browser-safe and deterministic in the seed;
 * each trial draws from its own sub-streams, so adding or removing a trial does not change the others.
 * O(trials × emulation).
 */
export function validateTrials<S extends StrategyLike, T>(trials: readonly TrialFile[], setup: TrialEmulationSetup<S, T> & { readonly context: SimulationContext<S, T> }, files: readonly (string | null)[] = []): ValidationResult {
  const inputs = modelEvidenceInputs(setup.model, setup.context.registry);
  const validations = trials.map((trial, index) => compareWithPublished(trial, emulateTrial(trial, setup), trialCircularity(trial, inputs), files[index] ?? null));
  return { trials: validations, summary: validationSummary(validations) };
}
