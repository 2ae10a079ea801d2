import { describeValue, validateField } from "../cohort/fieldSpec.js";
import { InputError } from "../util/InputError.js";
import { defaultChoices, type ChoiceName, type Strategy, type StrategyChoices } from "./Strategy.js";
import { strategySpec } from "./strategySpec.js";

/**
 * Validates a strategy file's parsed JSON: `{ "id", "name", "description", "choices": { <name>: <value> } }`
 * (`note` optional). Every problem is reported at once in one {@link InputError} whose lines name the file
 * and the field, e.g. `data/strategies/x.json: choices.prrtOrder: expected one of "after-targeted",
 * "before-targeted", got "first"`. Unknown fields and unknown choice names are errors. Returns a frozen
 * strategy whose `choices` are the overrides merged over the defaults. Browser-safe; O(size of the file).
 */
export function parseStrategy(json: unknown, file: string): Strategy {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InputError(`${file}: expected ${strategySpec.expected}, got ${describeValue(json)}`);
  }
  const found: string[] = [];
  validateField(strategySpec, json, "", found);
  const problems = found.map((problem) => `${file}: ${problem}`);
  if (problems.length > 0) {
    throw new InputError(problems.length === 1 ? problems[0] : `${file}: ${problems.length} problems in the strategy`, problems.length === 1 ? [] : problems);
  }
  const { id, name, description, choices } = json as { id: string; name: string; description: string; choices: Partial<Record<ChoiceName, string | boolean>> };
  const overrides: Partial<Record<ChoiceName, string | boolean>> = {};
  for (const key of Object.keys(choices) as ChoiceName[]) overrides[key] = choices[key] as string | boolean;
  return Object.freeze({
    id,
    name,
    description,
    choices: Object.freeze({ ...defaultChoices, ...overrides }) as StrategyChoices,
    overrides: Object.freeze(overrides) as Partial<StrategyChoices>,
  });
}
