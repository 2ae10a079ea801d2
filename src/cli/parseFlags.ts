import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "../util/InputError.js";
import { numberProblem, type NumberCheck } from "../util/numberProblem.js";
import { shownValue } from "../util/shownValue.js";

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
  let parsed: ParsedFlags<O>;
  try {
    parsed = parseArgs({ args: joined, options, allowPositionals: false, strict: true, tokens: true }) as ParsedFlags<O>;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new InputError(`pnen-sim ${command}: ${shownValue(text.replace(/\. To specify.*$/s, ""), 200)} (see 'pnen-sim ${command} --help')`);
  }
  // a flag given twice is an error (parseArgs would silently keep the last one); so is an empty value (`--out ''`
  // would mean the current folder, `--input ''` a folder, `--n ''` zero)
  const seen = new Set<string>();
  for (const token of (parsed as unknown as { tokens?: { kind: string; name?: string; value?: string }[] }).tokens ?? []) {
    if (token.kind !== "option" || token.name === undefined) continue;
    if (seen.has(token.name)) throw new InputError(`pnen-sim ${command}: --${token.name} is given more than once (give each flag once)`);
    seen.add(token.name);
    if (typeof token.value === "string" && token.value.trim() === "") throw new InputError(`pnen-sim ${command}: --${token.name}: expected a value, got an empty value`);
  }
  return parsed;
}

/** Reads a flag as a finite number, or throws an InputError naming the flag and the expectation. */
export function numberFlag(command: string, name: string, value: string | undefined, fallback: number, check: NumberCheck = {}): number {
  if (value === undefined) return fallback;
  const problem = numberProblem(value, check);
  if (problem !== null) throw new InputError(`pnen-sim ${command}: --${name}: ${problem}`);
  return Number(value);
}
