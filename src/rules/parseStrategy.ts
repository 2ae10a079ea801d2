import { InputError } from "../util/InputError.js";
import { choiceDefinitions, defaultChoices, type ChoiceName, type Strategy, type StrategyChoices } from "./Strategy.js";

const idPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const knownKeys = ["id", "name", "description", "choices", "note"];

const describe = (value: unknown): string => (value === undefined ? "nothing" : JSON.stringify(value));

/**
 * Validates a strategy file's parsed JSON: `{ "id", "name", "description", "choices": { <name>: <value> } }`
 * (`note` optional). Every problem is reported at once in one {@link InputError} whose lines name the file
 * and the field, e.g. `data/strategies/x.json: choices.prrtOrder: expected one of "after-targeted",
 * "before-targeted", got "first"`. Unknown fields and unknown choice names are errors. Returns a frozen
 * strategy whose `choices` are the overrides merged over the defaults. Browser-safe; O(size of the file).
 */
export function parseStrategy(json: unknown, file: string): Strategy {
  const problems: string[] = [];
  const problem = (field: string, text: string) => problems.push(`${file}: ${field}: ${text}`);
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InputError(`${file}: expected a JSON object with "id", "name", "description" and "choices", got ${Array.isArray(json) ? "an array" : describe(json)}`);
  }
  const record = json as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!knownKeys.includes(key)) problem(key, `unknown field (known: ${knownKeys.join(", ")})`);
  const text = (key: string, check?: (value: string) => string | null): string => {
    const value = record[key];
    if (typeof value !== "string" || value.trim() === "") {
      problem(key, `expected a non-empty string, got ${describe(value)}`);
      return "";
    }
    const bad = check?.(value) ?? null;
    if (bad !== null) problem(key, bad);
    return value;
  };
  const id = text("id", (v) => (idPattern.test(v) ? null : `expected lower-case words joined by hyphens ("captem-first"), got ${describe(v)}`));
  const name = text("name");
  const description = text("description", (v) => (/[\r\n]/.test(v) ? "expected one line (no line breaks)" : null));
  if (record.note !== undefined && typeof record.note !== "string") problem("note", `expected a string, got ${describe(record.note)}`);

  const overrides: Partial<Record<ChoiceName, string | boolean>> = {};
  const choices = record.choices;
  if (typeof choices !== "object" || choices === null || Array.isArray(choices)) {
    problem("choices", `expected an object of named choices (may be empty), got ${describe(choices)}`);
  } else {
    for (const [key, value] of Object.entries(choices as Record<string, unknown>)) {
      const definition = choiceDefinitions.find((c) => c.name === key);
      if (definition === undefined) {
        problem(`choices.${key}`, `unknown choice (known: ${choiceDefinitions.map((c) => c.name).join(", ")})`);
      } else if (!definition.values.includes(value as string | boolean)) {
        problem(`choices.${key}`, `expected ${typeof definition.default === "boolean" ? "true or false" : `one of ${definition.values.map((v) => JSON.stringify(v)).join(", ")}`}, got ${describe(value)}`);
      } else {
        overrides[definition.name] = value as string | boolean;
      }
    }
  }
  if (problems.length > 0) {
    throw new InputError(problems.length === 1 ? problems[0] : `${file}: ${problems.length} problems in the strategy`, problems.length === 1 ? [] : problems);
  }
  return Object.freeze({
    id,
    name,
    description,
    choices: Object.freeze({ ...defaultChoices, ...overrides }) as StrategyChoices,
    overrides: Object.freeze(overrides) as Partial<StrategyChoices>,
  });
}
