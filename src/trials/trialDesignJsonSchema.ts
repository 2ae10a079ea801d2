import { documentJsonSchema } from "../cohort/fieldSpec.js";
import { trialDesignSpec } from "./trialDesignSpec.js";

/**
 * The JSON Schema of trial designs (data/designs/*.json, `pnen-sim power --design`), generated from the same
 * field table that {@link parseTrialDesign} reads through; data/schemas/design.schema.json is this object (a
 * test keeps it up to date). Rules across fields (exactly one survival form per arm, pieces starting at month 0
 * and increasing, targetEvents <= n, the sequential block's rules) are in the descriptions only.
 */
export function trialDesignJsonSchema(): Record<string, unknown> {
  return documentJsonSchema(trialDesignSpec, "pnen-sim trial design");
}
