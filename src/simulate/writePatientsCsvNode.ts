import { createHash } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { patientsCsvHeader } from "./patientsCsv.js";
import { patientsCsvBytes, patientsCsvRowBound } from "./patientsCsvBytes.js";
import type { SimulationResult } from "./simulate.js";

/**
 * Writes patients.csv of a result to `path` atomically and in chunks (a 10,000,000-patient run never holds
 * the whole text): the rows go to a temporary file in the same folder, which is renamed over `path` only once
 * complete, so a failed or interrupted run leaves no half-written file under the final name. Returns the
 * SHA-256 of the bytes written (lower-case hex), for the run's manifest. Node only.
 */
export function writePatientsCsvNode(path: string, result: SimulationResult, onProgress?: (done: number, total: number) => void): string {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const chunk = 16_384;
  const hash = createHash("sha256");
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "w");
    writeAll(fd, Buffer.from(patientsCsvHeader));
    hash.update(patientsCsvHeader);
    // rows are formatted straight into one reused buffer (no string per cell or per row)
    const buffer = Buffer.allocUnsafe(chunk * result.strategies.length * patientsCsvRowBound(result));
    for (let start = 0; start < result.n; start += chunk) {
      const end = Math.min(result.n, start + chunk);
      const rows = buffer.subarray(0, patientsCsvBytes(result, start, end, buffer));
      writeAll(fd, rows);
      hash.update(rows);
      onProgress?.(end, result.n);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
    return hash.digest("hex");
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes every byte of `bytes` (writeSync may write fewer bytes than asked; loop until done). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
}
