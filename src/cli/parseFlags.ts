import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "../util/InputError.js";
import { numberProblem, type NumberCheck } from "../util/numberProblem.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses command-line flags with `node:util` `parseArgs`, turning its errors into an {@link InputError}
 * that names the command (exit code 2, no stack trace).
 */
export type ParsedFlags<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: false; strict: true }>
>;

export function parseFlags<const O extends Options>(command: string, args: readonly string[], options: O): ParsedFlags<O> {
  // parseArgs reads `--n -3` as a missing value; join a negative number to its flag (`--n=-3`) so that the
  // flag's own check can say what was expected.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name !== undefined && !name.includes("=") && options[name]?.type === "string" && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  try {
    return parseArgs({ args: joined, options, allowPositionals: false, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new InputError(`pnen-sim ${command}: ${text.replace(/\. To specify.*$/s, "")} (see 'pnen-sim ${command} --help')`);
  }
}

/** Reads a flag as a finite number, or throws an InputError naming the flag and the expectation. */
export function numberFlag(command: string, name: string, value: string | undefined, fallback: number, check: NumberCheck = {}): number {
  if (value === undefined) return fallback;
  const problem = numberProblem(value, check);
  if (problem !== null) throw new InputError(`pnen-sim ${command}: --${name}: ${problem}`);
  return Number(value);
}
