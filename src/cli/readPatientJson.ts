import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseJsonInput } from "../io/parseJsonInput.js";
import { InputError } from "../util/InputError.js";
import { shownValue } from "../util/shownValue.js";

/**
 * The value of a `--patient` flag as JSON: the text itself, or with a leading `@` the file it names (relative to
 * `cwd`), read by the one JSON reader of every input (`parseJsonInput`: BOM accepted; invalid UTF-8, numbers out
 * of range, duplicate and inherited-name keys and deep nesting refused). The same format for every command that
 * takes a patient (`explain`, `simulate --patient`); the caller checks the fields with `parsePatient`. Errors
 * name the command, the flag and the file.
 */
export function readPatientJson(command: string, text: string, cwd: string): unknown {
  if (!text.startsWith("@")) return parseJsonInput(text, `pnen-sim ${command}: --patient`);
  const file = text.slice(1);
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(cwd, file));
  } catch (error) {
    throw new InputError(`pnen-sim ${command}: --patient: cannot read ${shownValue(file)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseJsonInput(bytes, `pnen-sim ${command}: --patient ${shownValue(file)}`);
}
