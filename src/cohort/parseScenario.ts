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
 * Cross-field checks beyond the table: the reference strategy is one of the strategies, and when
 * `knownStrategies` is given, every strategy id is one of them.
 */
export function parseScenario(document: unknown, where = "scenario", knownStrategies?: readonly string[]): Scenario {
  const problems = scenarioProblems(document, knownStrategies);
  if (problems.length > 0) {
    throw new InputError(`${where}: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the scenario`, problems);
  }
  return document as Scenario;
}

/** The problems {@link parseScenario} would report, as lines; empty when the document is a valid scenario. */
export function scenarioProblems(document: unknown, knownStrategies?: readonly string[]): string[] {
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
  if (ids !== undefined && knownStrategies !== undefined) {
    ids.forEach((id, index) => {
      if (!knownStrategies.includes(id)) problems.push(`strategies[${index}]: unknown strategy '${id}'; known: ${knownStrategies.join(", ")}`);
    });
  }
  return problems;
}
