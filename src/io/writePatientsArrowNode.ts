import type { SimulationResult } from "../simulate/simulate.js";
import { type PatientsChunk, type PatientsTableLabels, patientsChunks, patientsTableColumns, patientsTableLabelSets } from "../simulate/patientsTableColumns.js";
import { patientsCsvColumns } from "../simulate/patientsCsv.js";
import { type ArrowColumnType, ArrowFileWriter } from "./ArrowFileWriter.js";
import { openStagedFileNode } from "./openStagedFileNode.js";

/** Options of the Arrow and Parquet patients writers. */
export interface PatientsFileOptions {
  /** Key–value metadata stored in the file (pnen-sim puts the package version, scenario hash and seed). */
  readonly metadata?: Readonly<Record<string, string>>;
  /** Patients per record batch (Arrow) or row group (Parquet); default 65,536. */
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** A writer that takes a run's patients chunk by chunk, in patient order. */
export interface PatientsFileWriter {
  write(chunk: PatientsChunk): void;
  /** Finishes the file and renames it into place; returns the SHA-256 (hex) of its bytes. */
  close(): string;
  /** Deletes the unfinished file. */
  abort(): void;
}

/** The Arrow column types of patients.arrow: integers as in patients.csv, text as dictionaries of labels. */
export function patientsArrowFields(labels: PatientsTableLabels): { name: string; type: ArrowColumnType }[] {
  const sets = patientsTableLabelSets(labels);
  const types: Record<string, ArrowColumnType> = {
    patient_id: { kind: "int", bits: 32, signed: true },
    strategy: { kind: "dictionary", indexBits: labels.strategies.length > 127 ? 16 : 8, labels: sets.strategy },
    grade: { kind: "dictionary", indexBits: 8, labels: sets.grade },
    ki67: { kind: "float64" },
    functional: { kind: "int", bits: 8, signed: false },
    syndrome: { kind: "dictionary", indexBits: 8, labels: sets.syndrome },
    enets_type: { kind: "dictionary", indexBits: 8, labels: sets.enets_type },
    age: { kind: "int", bits: 8, signed: false },
    pathway: { kind: "dictionary", indexBits: labels.pathwayLabels.length > 32767 ? 32 : 16, labels: sets.pathway },
    pfs_months: { kind: "float64" },
    pfs_event: { kind: "int", bits: 8, signed: false },
    os_months: { kind: "float64" },
    os_event: { kind: "int", bits: 8, signed: false },
  };
  return patientsCsvColumns.map((name) => ({ name, type: types[name]! }));
}

/**
 * Opens patients.arrow for chunk-by-chunk writing (Node only): an Apache Arrow IPC file (Feather v2) with
 * the columns and rows of patients.csv, one record batch per chunk, text columns dictionary-encoded (R reads
 * them as factors, pandas as categoricals), months at full double precision (patients.csv rounds them to 4
 * decimals), and `metadata` in the schema. Written under a temporary name and renamed by `close`.
 */
export function openPatientsArrowNode(path: string, labels: PatientsTableLabels, metadata: Readonly<Record<string, string>> = {}): PatientsFileWriter {
  const file = openStagedFileNode(path);
  try {
    const writer = new ArrowFileWriter(patientsArrowFields(labels), metadata, (bytes) => file.write(bytes));
    return {
      write(chunk) {
        const columns = patientsTableColumns(chunk, labels);
        writer.writeBatch(patientsCsvColumns.map((name) => columns[name]));
      },
      close() {
        writer.finish();
        return file.commit();
      },
      abort: () => file.abort(),
    };
  } catch (error) {
    file.abort();
    throw error;
  }
}

/**
 * Writes the patients of a result to `path` as an Arrow IPC file, chunk by chunk, atomically (see
 * {@link openPatientsArrowNode}). Returns the SHA-256 of the file, for the run's manifest. Node only.
 */
export function writePatientsArrowNode(path: string, result: SimulationResult, options: PatientsFileOptions = {}): string {
  const writer = openPatientsArrowNode(path, result, options.metadata);
  try {
    for (const chunk of patientsChunks(result, options.chunkSize ?? 65_536)) {
      writer.write(chunk);
      options.onProgress?.(chunk.first + chunk.cohort.size, result.n);
    }
    return writer.close();
  } catch (error) {
    writer.abort();
    throw error;
  }
}
