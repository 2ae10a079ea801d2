import { statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { InputError } from "../util/InputError.js";
import { ensureOutputFolderNode } from "./ensureOutputFolderNode.js";

/**
 * Checks a figure path given on the command line (`power --curve FILE`, `--boundary-figure`, `fit --figure`)
 * before any work, and returns it resolved against `cwd` (Node only). It must name a file — not '', '.', '/',
 * 'DIR/' or an existing folder, whose name would otherwise become `<folder>.svg` beside it — in a writable
 * folder (created if missing, as ensureOutputFolderNode does). A bad path is an {@link InputError} naming the flag (`what`): exit code 2, nothing
 * written.
 */
export function figurePathNode(given: string, cwd: string, what: string): string {
  const shown = `'${given.length > 80 ? `${given.slice(0, 80)}…` : given}'`;
  const path = resolve(cwd, given);
  const name = basename(path).replace(/\.(vl\.json|json|svg|png|pdf)$/, "");
  const namesFolder = given.trim() === "" || /[/\\]$/.test(given) || [".", ".."].includes(basename(given)) || path === dirname(path) || isFolder(path);
  if (namesFolder || name === "") throw new InputError(`${what}: expected a file name in a folder (e.g. figures/curve.svg), got ${shown}${namesFolder && given.trim() !== "" ? ", which names a folder" : ""}`);
  ensureOutputFolderNode(dirname(path), what);
  return path;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
