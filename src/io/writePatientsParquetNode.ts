import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { SimulationResult } from "../simulate/simulate.js";
import { type PatientsTableLabels, patientsChunks, patientsTableColumns, patientsTableLabelSets } from "../simulate/patientsTableColumns.js";
import { patientsCsvColumns } from "../simulate/patientsCsv.js";
import { openStagedFileNode, type StagedFile } from "./openStagedFileNode.js";
import type { PatientsFileOptions, PatientsFileWriter } from "./writePatientsArrowNode.js";

type ParquetType = "INT32" | "DOUBLE" | "STRING";

/** The Parquet column types of patients.parquet: integers as INT32, months and Ki-67 as DOUBLE, text as UTF-8 strings. */
export const patientsParquetTypes: Readonly<Record<(typeof patientsCsvColumns)[number], ParquetType>> = {
  patient_id: "INT32",
  strategy: "STRING",
  grade: "STRING",
  ki67: "DOUBLE",
  functional: "INT32",
  syndrome: "STRING",
  enets_type: "STRING",
  age: "INT32",
  pathway: "STRING",
  pfs_months: "DOUBLE",
  pfs_event: "INT32",
  os_months: "DOUBLE",
  os_event: "INT32",
};

/** hyparquet-writer's growing buffer, flushed into a staged file once it holds 1 MiB (constant memory). */
class StagedFileByteWriter extends ByteWriter {
  constructor(private readonly file: StagedFile) {
    super(1 << 20);
  }
  override ensure(size: number): void {
    if (this.index > 1 << 20) this.flushToFile();
    super.ensure(size);
  }
  flushToFile(): void {
    if (this.index === 0) return;
    this.file.write(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }
  override finish(): void {
    this.flushToFile();
  }
}

/**
 * Opens patients.parquet for chunk-by-chunk writing (Node only), with hyparquet-writer: the columns and rows
 * of patients.csv, one row group per chunk, REQUIRED (non-null) columns, text dictionary-encoded by the
 * writer, Snappy pages, no column statistics (they would more than double the write time), months at full double
 * precision (patients.csv rounds them to 4 decimals), and `metadata` as the file's key–value metadata. Written under a temporary name and renamed by `close`.
 */
export function openPatientsParquetNode(path: string, labels: PatientsTableLabels, metadata: Readonly<Record<string, string>> = {}): PatientsFileWriter {
  const file = openStagedFileNode(path);
  try {
    const byteWriter = new StagedFileByteWriter(file);
    const schema = [
      { name: "root", num_children: patientsCsvColumns.length },
      ...patientsCsvColumns.map((name) => {
        const type = patientsParquetTypes[name];
        return type === "STRING"
          ? { name, type: "BYTE_ARRAY" as const, converted_type: "UTF8" as const, logical_type: { type: "STRING" as const }, repetition_type: "REQUIRED" as const }
          : { name, type, repetition_type: "REQUIRED" as const };
      }),
    ];
    const writer = new ParquetWriter({ writer: byteWriter, schema, statistics: false, kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })) });
    const sets = patientsTableLabelSets(labels);
    return {
      write(chunk) {
        const columns = patientsTableColumns(chunk, labels);
        const rows = columns.patient_id.length;
        const columnData = patientsCsvColumns.map((name) => {
          const values = columns[name];
          const type = patientsParquetTypes[name];
          if (type === "STRING") {
            const set = sets[name as keyof typeof sets];
            return { name, data: Array.from(values, (code) => set[code]!), type, nullable: false };
          }
          return { name, data: type === "INT32" ? Int32Array.from(values) : (values as Float64Array), type, nullable: false };
        });
        void writer.write({ columnData, rowGroupSize: rows });
      },
      close() {
        void writer.finish();
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
 * Writes the patients of a result to `path` as a Parquet file, chunk by chunk, atomically (see
 * {@link openPatientsParquetNode}). Returns the SHA-256 of the file, for the run's manifest. Node only.
 */
export function writePatientsParquetNode(path: string, result: SimulationResult, options: PatientsFileOptions = {}): string {
  const writer = openPatientsParquetNode(path, result, options.metadata);
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
