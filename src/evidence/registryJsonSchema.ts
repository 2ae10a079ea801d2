import { documentJsonSchema } from "../cohort/fieldSpec.js";
import { registryFileSpecs } from "./registrySpec.js";

/** The kinds of evidence-registry file, by their top-level key. */
export type RegistryFileKind = keyof typeof registryFileSpecs;

/**
 * The JSON Schema of one kind of evidence-registry file (`figures`, `references`, `thresholds`, `treatments`,
 * `assumptions`, `lifeTables`), generated from the same field tables that {@link parseRegistry} reads through;
 * data/schemas/evidence-<kind>.schema.json are these (a test keeps them up to date). Rules across records and
 * files (unique ids, cited references and treatments that exist, DOIs of the cited references, value or low and
 * high, a curve's fit matching its distribution) are the parser's.
 */
export function registryJsonSchema(kind: RegistryFileKind): Record<string, unknown> {
  return documentJsonSchema(registryFileSpecs[kind], `pnen-sim evidence registry: ${kind}`);
}
