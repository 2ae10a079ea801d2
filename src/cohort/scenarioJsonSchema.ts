import { fieldJsonSchema } from "./fieldSpec.js";
import { scenarioSpec } from "./scenarioSpec.js";

/**
 * The JSON Schema of scenario files, generated from the same field table that {@link parseScenario} checks
 * against. data/scenarios/scenario.schema.json is this object, written by
 * `pnen-sim simulate --write-schema` (a test keeps the committed file up to date).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = fieldJsonSchema(scenarioSpec);
  const properties = { $schema: { description: "Path or URL of this JSON Schema (for editors)", type: "string" }, ...(schema.properties as object) };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "pnen-sim scenario",
    ...schema,
    properties,
  };
}
