import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { InputError } from "../util/InputError.js";

/**
 * The value of a `--patient` flag as JSON: the text itself, or with a leading `@` the file it names (relative to
 * `cwd`). The same format for every command that takes a patient (`explain`, `simulate --patient`); the caller
 * checks the fields with `parsePatient`. Errors name the command, the flag and the file.
 */
export function readPatientJson(command: string, text: string, cwd: string): unknown {
  let source = text;
  if (text.startsWith("@")) {
    try {
      source = readFileSync(resolve(cwd, text.slice(1)), "utf8");
    } catch (error) {
      throw new InputError(`pnen-sim ${command}: --patient: cannot read ${text.slice(1)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new InputError(`pnen-sim ${command}: --patient: not valid JSON${text.startsWith("@") ? ` in ${text.slice(1)}` : ""}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
