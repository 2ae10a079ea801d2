import { quantileTruncatedNormal } from "../random/index.js";
import { InputError } from "../util/InputError.js";
import { validateField } from "./fieldSpec.js";
import type { Scenario } from "./Scenario.js";
import { scenarioSpec } from "./scenarioSpec.js";

/**
 * Validates a parsed scenario document against {@link scenarioSpec} and returns it typed as a
 * {@link Scenario}. Every problem is reported at once, one line per problem naming the field path
 * (`cohort.grade: the shares must add up to 1, got 0.9`); any problem throws an {@link InputError}
 * (exit code 2 in the CLI). `where` names the file in the message.
 *
 * Cross-field checks beyond the table: the reference strategy is one of the strategies; when
 * `knownStrategies` is given, every strategy id is one of them; and the age window [min, max + 1) holds some
 * probability under the normal of `cohort.ageYears` (otherwise the truncated normal cannot be drawn from);
 * every key of `sources` names a field of the document, and when `knownSourceIds` (the evidence figure and
 * assumption ids of the registry) is given, every source is one of them.
 */
export function parseScenario(document: unknown, where = "scenario", knownStrategies?: readonly string[], knownSourceIds?: readonly string[]): Scenario {
  const problems = scenarioProblems(document, knownStrategies, knownSourceIds);
  if (problems.length > 0) {
    throw new InputError(`${where}: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the scenario`, problems);
  }
  return document as Scenario;
}

/** The problems {@link parseScenario} would report, as lines; empty when the document is a valid scenario. */
export function scenarioProblems(document: unknown, knownStrategies?: readonly string[], knownSourceIds?: readonly string[]): string[] {
  const problems: string[] = [];
  validateField(scenarioSpec, document, "", problems);
  if (typeof document !== "object" || document === null || Array.isArray(document)) return problems;
  const { $schema, strategies, referenceStrategy } = document as { $schema?: unknown; strategies?: unknown; referenceStrategy?: unknown };
  if ($schema !== undefined && typeof $schema !== "string") problems.push(`$schema: expected a string, got ${typeof $schema}`);
  // Cross-field checks, made whenever the fields they read are themselves valid.
  const ids = Array.isArray(strategies) && strategies.every((id) => typeof id === "string") ? (strategies as string[]) : undefined;
  if (ids !== undefined && typeof referenceStrategy === "string" && !ids.includes(referenceStrategy)) {
    problems.push(`referenceStrategy: '${referenceStrategy}' is not one of strategies (${ids.join(", ")})`);
  }
  const age = (document as { cohort?: { ageYears?: unknown } }).cohort?.ageYears;
  const ageProblems: string[] = [];
  validateField(scenarioSpec.fields.cohort.fields.ageYears, age, "cohort.ageYears", ageProblems);
  if (ageProblems.length === 0) {
    const { mean, sd, min, max } = age as { mean: number; sd: number; min: number; max: number };
    try {
      quantileTruncatedNormal(mean, sd, min, max + 1); // the window compileCohortSpec draws ages from
    } catch {
      problems.push(`cohort.ageYears: the window [min, max + 1) = [${min}, ${max + 1}) holds no probability under a normal with mean ${mean} and sd ${sd}`);
    }
  }
  if (ids !== undefined && knownStrategies !== undefined) {
    ids.forEach((id, index) => {
      if (!knownStrategies.includes(id)) problems.push(`strategies[${index}]: unknown strategy '${id}'; known: ${knownStrategies.join(", ")}`);
    });
  }
  const sources = (document as { sources?: unknown }).sources;
  const sourceProblems: string[] = [];
  validateField(scenarioSpec.fields.sources, sources, "sources", sourceProblems);
  if (sources !== undefined && sourceProblems.length === 0) {
    const known = knownSourceIds === undefined ? undefined : new Set(knownSourceIds);
    for (const [path, id] of Object.entries(sources as Record<string, string>)) {
      let value: unknown = document;
      for (const key of path.split(".")) value = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
      if (value === undefined) problems.push(`sources.${path}: no field '${path}' in the scenario to give the provenance of`);
      if (known !== undefined && !known.has(id)) problems.push(`sources.${path}: unknown evidence figure or assumption '${id}' (see pnen-sim evidence)`);
    }
  }
  return problems;
}
