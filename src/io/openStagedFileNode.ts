import { createHash } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** A file being written under a temporary name: bytes in, then `commit` (rename into place) or `abort`. */
export interface StagedFile {
  /** Appends bytes (buffered; flushed to the file in 1 MiB writes). */
  write(bytes: Uint8Array): void;
  /** Flushes, syncs, closes and renames the file to its final path; returns the SHA-256 (hex) of its bytes. */
  commit(): string;
  /** Closes and deletes the temporary file (safe to call after a failure, or twice). */
  abort(): void;
}

const flushSize = 1 << 20;

/**
 * Opens `path` for writing atomically (Node only): the bytes go to a hidden temporary file in the same
 * folder, hashed as they are written, which `commit` renames over `path`; a failed or interrupted write never
 * leaves a half-written file under the final name. Small writes are gathered into 1 MiB writes.
 */
export function openStagedFileNode(path: string): StagedFile {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const hash = createHash("sha256");
  let fd: number | undefined = openSync(temporary, "w");
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    for (let written = 0; written < joined.length; ) written += writeSync(fd!, joined, written, joined.length - written);
    pending = [];
    pendingBytes = 0;
  };
  const abort = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    rmSync(temporary, { force: true });
  };
  return {
    write(bytes) {
      if (fd === undefined) throw new Error(`${path}: written after commit or abort`);
      if (bytes.length === 0) return;
      hash.update(bytes);
      if (bytes.length >= flushSize) {
        flush();
        for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
        return;
      }
      pending.push(bytes.slice());
      pendingBytes += bytes.length;
      if (pendingBytes >= flushSize) flush();
    },
    commit() {
      try {
        flush();
        fsyncSync(fd!);
        closeSync(fd!);
        fd = undefined;
        renameSync(temporary, path);
        return hash.digest("hex");
      } catch (error) {
        abort();
        throw error;
      }
    },
    abort,
  };
}
