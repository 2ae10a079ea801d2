import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { patientsCsvHeader, patientsCsvRows } from "./patientsCsv.js";
import type { SimulationResult } from "./simulate.js";

/**
 * Writes patients.csv of a result to `path` atomically and in chunks (a 10,000,000-patient run never holds
 * the whole text): the rows go to a temporary file in the same folder, which is renamed over `path` only once
 * complete, so a failed or interrupted run leaves no half-written file under the final name. Node only.
 */
export function writePatientsCsvNode(path: string, result: SimulationResult, onProgress?: (done: number, total: number) => void): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const chunk = 16_384;
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "w");
    writeSync(fd, patientsCsvHeader);
    for (let start = 0; start < result.n; start += chunk) {
      const end = Math.min(result.n, start + chunk);
      writeSync(fd, patientsCsvRows(result, start, end));
      onProgress?.(end, result.n);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}
