import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { InputError } from "../util/InputError.js";
import { parseJsonInput } from "../io/parseJsonInput.js";
import { type TrialFile, type TrialFileVocabulary, parseTrialFile } from "./parseTrialFile.js";

/**
 * Reads the trial files of a folder (every `*.json` but `*.schema.json`, in name order) or one trial file, and
 * validates each ({@link parseTrialFile}). A missing path, an empty folder, invalid JSON, an invalid trial file or
 * two files with the same trial id is an InputError naming the file (every file's problems are collected first,
 * so one run reports them all). Returns the trials and their paths relative to `cwd`. Node only.
 */
export function loadTrialFilesNode(path: string, cwd: string, vocabulary: TrialFileVocabulary): { readonly trials: TrialFile[]; readonly files: string[] } {
  const full = isAbsolute(path) ? path : resolve(cwd, path);
  if (!existsSync(full)) throw new InputError(`--trials ${path}: no such file or folder`);
  const paths = statSync(full).isDirectory()
    ? readdirSync(full).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).sort().map((f) => join(full, f))
    : [full];
  if (paths.length === 0) throw new InputError(`--trials ${path}: no trial files (*.json) in the folder`);
  const trials: TrialFile[] = [];
  const files: string[] = [];
  const problems: string[] = [];
  for (const file of paths) {
    const shown = relative(cwd, file) || file;
    let document: unknown;
    try {
      document = parseJsonInput(readFileSync(file), shown);
    } catch (error) {
      problems.push(error instanceof InputError ? error.message : `${shown}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    try {
      const trial = parseTrialFile(document, shown, vocabulary);
      const earlier = trials.findIndex((t) => t.id === trial.id);
      if (earlier >= 0) problems.push(`${shown}: id: '${trial.id}' is also the id of ${files[earlier]}`);
      trials.push(trial);
      files.push(shown);
    } catch (error) {
      if (error instanceof InputError) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new InputError(`pnen-sim validate: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the trial files\n${problems.join("\n")}`);
  return { trials, files };
}
