import { accessSync, constants, mkdirSync, rmdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { InputError } from "../util/InputError.js";

const reasons: Readonly<Record<string, string>> = {
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "a file of that name is in the way",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
};

/**
 * Creates an output folder (and its parents) and checks that it is writable, before any work is done, so a
 * bad `--out` fails at once with an {@link InputError} naming the folder — exit code 2, no stack trace —
 * instead of after the simulation with a Node stack trace and some files written. `what` names the flag
 * or setting for the message (e.g. "pnen-sim report: --out"). Returns the first folder it created (undefined
 * when the folder was there), so that a run that fails before writing can remove what it made
 * ({@link removeCreatedFoldersNode}). Node only.
 */
export function ensureOutputFolderNode(folder: string, what: string): string | undefined {
  try {
    const created = mkdirSync(folder, { recursive: true });
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
    accessSync(folder, constants.W_OK);
    return created;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new InputError(`${what}: cannot write to ${folder}: ${code}${reasons[code] === undefined ? "" : ` (${reasons[code]})`}`);
  }
}

/**
 * Removes the folders {@link ensureOutputFolderNode} created for `folder` (from `folder` up to `created`), each only
 * if it is empty: a run that failed before writing leaves the disk as it found it. Never throws.
 */
export function removeCreatedFoldersNode(folder: string, created: string | undefined): void {
  if (created === undefined) return;
  const top = resolve(created);
  for (let at = resolve(folder); at.startsWith(top); at = dirname(at)) {
    try {
      rmdirSync(at);
    } catch {
      return;
    }
    if (at === top) return;
  }
}
