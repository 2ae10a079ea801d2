import { parquetMetadata, parquetRead, parquetSchema } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { InputError } from "../util/InputError.js";
import { checkParquetPages } from "./checkParquetPages.js";
import type { SurvivalColumns, SurvivalData, SurvivalReadOptions } from "./SurvivalData.js";
import { survivalDataFromValues } from "./survivalDataFromValues.js";

/**
 * Reads survival data from Apache Parquet bytes with hyparquet (pure JavaScript; Snappy, gzip, Brotli, LZ4
 * and ZSTD pages through hyparquet-compressors). Only the requested columns are decoded. Columns may be of
 * any integer, floating-point, boolean or text type; nulls are missing values. See
 * {@link survivalDataFromValues} for the rules. O(rows) after decoding.
 */
export async function parseSurvivalParquet(bytes: Uint8Array, columns: SurvivalColumns, source = "input", options: SurvivalReadOptions = {}): Promise<SurvivalData> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let names: string[];
  let metadata: ReturnType<typeof parquetMetadata>;
  try {
    metadata = parquetMetadata(file);
    names = parquetSchema(metadata).children.map((child) => child.element.name);
  } catch (error) {
    throw new InputError(`${source}: not a readable Parquet file (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`);
  }
  const wanted: [keyof SurvivalColumns, string][] = [];
  for (const flag of ["time", "event", "group", "strata"] as const) {
    const name = columns[flag];
    if (name === undefined) continue;
    const index = names.indexOf(name);
    if (index < 0) throw new InputError(`${source}: no column '${name}' (--${flag}); columns: ${names.slice(0, 20).join(", ")}${names.length > 20 ? ", …" : ""}`);
    if (names.indexOf(name, index + 1) >= 0) throw new InputError(`${source}: column '${name}' (--${flag}) appears more than once; rename one`);
    wanted.push([flag, name]);
  }
  const rows = Number(metadata.num_rows);
  checkParquetPages(file, metadata, [...new Set(wanted.map(([, name]) => name))], source);
  const data = new Map<string, unknown[]>();
  try {
    await parquetRead({
      file,
      metadata,
      columns: [...new Set(wanted.map(([, name]) => name))],
      compressors,
      onChunk(chunk) {
        let values = data.get(chunk.columnName);
        if (values === undefined) {
          values = new Array<unknown>(rows);
          data.set(chunk.columnName, values);
        }
        const decoded = chunk.columnData;
        for (let i = 0; i < decoded.length && chunk.rowStart + i < rows; i++) values[chunk.rowStart + i] = decoded[i];
      },
    });
  } catch (error) {
    throw new InputError(`${source}: the Parquet file cannot be read (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`);
  }
  const values = (name: string): unknown[] => data.get(name) ?? new Array<unknown>(rows);
  return survivalDataFromValues(
    {
      time: values(columns.time),
      event: values(columns.event),
      ...(columns.group === undefined ? {} : { group: values(columns.group) }),
      ...(columns.strata === undefined ? {} : { strata: values(columns.strata) }),
    },
    columns,
    source,
    "parquet",
    options,
  );
}
