import { accessSync, constants, existsSync, mkdirSync, rmdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "../util/InputError.js";

const reasons: Readonly<Record<string, string>> = {
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "a file of that name is in the way",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  ENAMETOOLONG: "a name in the path is longer than the file system allows (255 bytes)",
  ENOENT: "the folder cannot be created there",
};

/**
 * Creates an output folder (and its parents) and checks that it is writable, before any work is done, so a
 * bad `--out` fails at once with an {@link InputError} naming the folder — exit code 2, no stack trace —
 * instead of after the simulation with a Node stack trace and some files written. `what` names the flag
 * or setting for the message (e.g. "pnen-sim report: --out"). Returns the folders it created (outermost first),
 * so that a run that fails later can remove them again. Node only.
 *
 * The folders are created one level at a time (not with `mkdirSync(…, {recursive: true})`, which loops for
 * ever under /proc on Linux): /proc, /sys, a file, /dev/null, a read-only or too long path all fail at once.
 */
export function ensureOutputFolderNode(folder: string, what: string): string[] {
  try {
    const created = makeFolder(folder);
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "EEXIST" });
    accessSync(folder, constants.W_OK);
    return created;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new InputError(`${what}: cannot write to ${folder}: ${code}${reasons[code] === undefined ? "" : ` (${reasons[code]})`}`);
  }
}

/** Creates `folder` and its missing parents, outermost first; returns the folders it created. */
function makeFolder(folder: string): string[] {
  const missing: string[] = [];
  for (let current = folder; !existsSync(current); current = dirname(current)) {
    missing.push(current);
    if (dirname(current) === current) break;
  }
  missing.reverse();
  try {
    for (const path of missing) mkdirSync(path);
  } catch (error) {
    // a deeper level failed (a name too long, say): the levels made so far are removed again
    for (const path of [...missing].reverse()) {
      try {
        rmdirSync(path);
      } catch {
        // never made, or not empty: left alone
      }
    }
    throw error;
  }
  return missing;
}

/**
 * Removes the folders {@link ensureOutputFolderNode} created (innermost first), each only if it is empty: a run
 * that failed before writing leaves the disk as it found it. Never throws.
 */
export function removeCreatedFoldersNode(created: readonly string[]): void {
  for (const path of [...created].reverse()) {
    try {
      rmdirSync(path);
    } catch {
      return;
    }
  }
}
