import { documentJsonSchema } from "../cohort/fieldSpec.js";
import { trialFileSpec } from "./trialFileSpec.js";

/**
 * The JSON Schema (draft 2020-12) of trial files, generated from the same field table that
 * {@link parseTrialFile} checks against. data/validation/trial.schema.json is this object, printed by
 * `pnen-sim validate --schema` (a test keeps the committed file up to date). The cross-field checks (two arms,
 * known treatments, shares adding up to 1, lower <= estimate <= upper) are in the descriptions only.
 */
export function trialFileJsonSchema(): Record<string, unknown> {
  return documentJsonSchema(trialFileSpec, "pnen-sim trial file");
}
