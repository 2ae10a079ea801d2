import { patientJsonSchema } from "../cohort/patientJsonSchema.js";
import { scenarioJsonSchema } from "../cohort/scenarioJsonSchema.js";
import { registryJsonSchema } from "../evidence/registryJsonSchema.js";
import { strategyJsonSchema } from "../rules/strategyJsonSchema.js";
import { trialDesignJsonSchema } from "../trials/trialDesignJsonSchema.js";
import { trialFileJsonSchema } from "../validation/trialFileJsonSchema.js";

/** One input file type: where its schema is committed, how it is generated, and which shipped files it covers. */
export interface InputSchema {
  /** Path of the committed schema, relative to data/. */
  readonly file: string;
  readonly schema: () => Record<string, unknown>;
  /** The shipped data files of this type, relative to data/ (`folder/*.json`: every JSON file but *.schema.json). */
  readonly validates: readonly string[];
}

/**
 * Every input file type's JSON Schema, each generated from the field table its parser checks against.
 * `npm run schemas` writes them; a test keeps the committed files equal to these and validates every shipped
 * data file against its schema with an independent validator (ajv).
 */
export const inputSchemas: readonly InputSchema[] = [
  { file: "scenarios/scenario.schema.json", schema: scenarioJsonSchema, validates: ["scenarios/*.json"] },
  { file: "validation/trial.schema.json", schema: trialFileJsonSchema, validates: ["validation/*.json"] },
  { file: "schemas/strategy.schema.json", schema: strategyJsonSchema, validates: ["strategies/*.json"] },
  { file: "schemas/design.schema.json", schema: trialDesignJsonSchema, validates: ["designs/*.json"] },
  { file: "schemas/patient.schema.json", schema: patientJsonSchema, validates: [] },
  { file: "schemas/evidence-figures.schema.json", schema: () => registryJsonSchema("figures"), validates: ["evidence/figures.json", "evidence/external.json", "evidence/examples.json"] },
  { file: "schemas/evidence-references.schema.json", schema: () => registryJsonSchema("references"), validates: ["evidence/references.json"] },
  { file: "schemas/evidence-thresholds.schema.json", schema: () => registryJsonSchema("thresholds"), validates: ["evidence/thresholds.json"] },
  { file: "schemas/evidence-treatments.schema.json", schema: () => registryJsonSchema("treatments"), validates: ["evidence/treatments.json"] },
  { file: "schemas/evidence-lifeTables.schema.json", schema: () => registryJsonSchema("lifeTables"), validates: ["evidence/lifeTables.json"] },
  { file: "schemas/evidence-assumptions.schema.json", schema: () => registryJsonSchema("assumptions"), validates: ["assumptions/*.json"] },
];
