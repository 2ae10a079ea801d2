/**
 * An error in what the user gave us — a scenario, a patient, a CSV, a data file or a command-line flag.
 *
 * The CLI prints `message` (and each entry of `problems`) without a stack trace and exits with code 2.
 * Messages name the file, the row or field, and what was expected, e.g.
 * `data/scenarios/x.json: cohort.size: expected a positive integer, got -3`.
 */
export class InputError extends Error {
  /** One line per problem when several were found at once (the message summarises them). */
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = []) {
    super(problems.length > 0 ? `${message}\n${problems.map((p) => `  - ${p}`).join("\n")}` : message);
    this.name = "InputError";
    this.problems = problems;
  }
}

/** Type guard: is this an {@link InputError} (also across realms / bundles, by name)? */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError || (error instanceof Error && error.name === "InputError");
}
