import { documentJsonSchema } from "./fieldSpec.js";
import { scenarioSpec } from "./scenarioSpec.js";

/**
 * The JSON Schema of scenario files, generated from the same field table that {@link parseScenario} checks
 * against. data/scenarios/scenario.schema.json is this object, written by
 * `pnen-sim simulate --write-schema` (a test keeps the committed file up to date).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return documentJsonSchema(scenarioSpec, "pnen-sim scenario");
}
