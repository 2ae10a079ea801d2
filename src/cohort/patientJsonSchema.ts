import { documentJsonSchema } from "./fieldSpec.js";
import { patientSpec } from "./parsePatient.js";

/**
 * The JSON Schema of a patient file (`pnen-sim explain --patient @patient.json`), generated from the same
 * field table that {@link parsePatient} checks against; data/schemas/patient.schema.json is this object (a test
 * keeps it up to date). The rule "enetsType is required unless lobesInvolved is given" is in the description.
 */
export function patientJsonSchema(): Record<string, unknown> {
  return documentJsonSchema(patientSpec, "pnen-sim patient");
}
