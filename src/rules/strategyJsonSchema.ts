import { documentJsonSchema } from "../cohort/fieldSpec.js";
import { strategySpec } from "./strategySpec.js";

/**
 * The JSON Schema of strategy files (data/strategies/*.json), generated from the same field table that
 * {@link parseStrategy} checks against; data/schemas/strategy.schema.json is this object (a test keeps it up to
 * date). That the id equals the file's name is checked by the loader only.
 */
export function strategyJsonSchema(): Record<string, unknown> {
  return documentJsonSchema(strategySpec, "pnen-sim strategy");
}
