import { accessSync, constants, mkdirSync, statSync } from "node:fs";
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
 * or setting for the message (e.g. "pnen-sim report: --out"). Node only.
 */
export function ensureOutputFolderNode(folder: string, what: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new InputError(`${what}: cannot write to ${folder}: ${code}${reasons[code] === undefined ? "" : ` (${reasons[code]})`}`);
  }
}
