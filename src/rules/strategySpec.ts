import { type FieldSpec, specField } from "../cohort/fieldSpec.js";
import { choiceDefinitions } from "./Strategy.js";

/** Lower-case words joined by hyphens: a strategy's id and its file's name. */
export const strategyIdPattern = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";

/** The choices block: every named choice optional, with its values and the review's default. */
const choiceFields = Object.fromEntries(
  choiceDefinitions.map((choice): [string, FieldSpec] => {
    const description = `${choice.description} (§${choice.section}; default ${JSON.stringify(choice.default)})`;
    return [
      choice.name,
      typeof choice.default === "boolean"
        ? specField.boolean({ description, optional: true, default: choice.default })
        : specField.enum(choice.values as readonly string[], { description, optional: true, default: choice.default }),
    ];
  }),
) as Readonly<Record<string, FieldSpec>>;

/**
 * The fields of a strategy file (data/strategies/<id>.json), from which {@link parseStrategy} checks a file and
 * `strategyJsonSchema` writes data/schemas/strategy.schema.json. The choices come from
 * {@link choiceDefinitions}, so a new choice is accepted (and documented in the schema) where it is defined.
 */
export const strategySpec = specField.object(
  {
    id: specField.string({ description: "Lower-case words joined by hyphens; the file's name without .json", pattern: strategyIdPattern, expected: 'lower-case words joined by hyphens ("captem-first")' }),
    name: specField.string({ description: "Name in a few words", pattern: "\\S", expected: "a non-empty string" }),
    description: specField.string({ description: "What the strategy changes, in one line", pattern: "^[^\\r\\n]*\\S[^\\r\\n]*$", expected: "one line (no line breaks), not empty" }),
    choices: specField.object(choiceFields, {
      description: "The named choices this strategy overrides (may be empty: the review's defaults); see data/strategies/README.md",
      keyNoun: "choice",
      expected: "an object of named choices (may be empty)",
    }),
    note: specField.string({ description: "A free note", optional: true }),
  },
  { description: "A treatment strategy: the review's decision logic with some named choices changed", expected: 'a JSON object with "id", "name", "description" and "choices"' },
);
