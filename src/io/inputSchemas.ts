import { patientJsonSchema } from "../cohort/patientJsonSchema.js";
import { scenarioJsonSchema } from "../cohort/scenarioJsonSchema.js";
import { strategyJsonSchema } from "../rules/strategyJsonSchema.js";
import { trialDesignJsonSchema } from "../trials/trialDesignJsonSchema.js";
import { trialFileJsonSchema } from "../validation/trialFileJsonSchema.js";

/**
 * Every input file type's JSON Schema and where it is committed (relative to data/), each generated from the
 * field table its parser checks against. `npm run schemas` writes them; a test keeps the committed files equal
 * to these and validates every shipped data file against its schema with an independent validator (ajv).
 */
export const inputSchemas: readonly { readonly file: string; readonly schema: () => Record<string, unknown>; readonly validates: string }[] = [
  { file: "scenarios/scenario.schema.json", schema: scenarioJsonSchema, validates: "scenarios/*.json" },
  { file: "validation/trial.schema.json", schema: trialFileJsonSchema, validates: "validation/*.json" },
  { file: "schemas/strategy.schema.json", schema: strategyJsonSchema, validates: "strategies/*.json" },
  { file: "schemas/design.schema.json", schema: trialDesignJsonSchema, validates: "designs/*.json" },
  { file: "schemas/patient.schema.json", schema: patientJsonSchema, validates: "pnen-sim explain --patient" },
];
