import { InputError } from "../util/InputError.js";
import { parseSurvivalCsv, readInputFile } from "./readSurvivalCsv.js";
import type { SurvivalColumns, SurvivalData, SurvivalFileFormat, SurvivalReadOptions } from "./SurvivalData.js";

/**
 * The format of survival-data bytes, from their first bytes: `ARROW1` opens an Arrow IPC file (Feather v2),
 * 0xFFFFFFFF an Arrow IPC stream, `PAR1` a Parquet file; anything else is read as CSV/TSV text.
 */
export function survivalFileFormat(bytes: Uint8Array): SurvivalFileFormat {
  const starts = (text: string) => text.split("").every((ch, i) => bytes[i] === ch.charCodeAt(0));
  if (starts("ARROW1")) return "arrow";
  if (bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff) return "arrow";
  if (starts("PAR1")) return "parquet";
  return "csv";
}

/**
 * Parses survival data in any format `km --input` reads (CSV, TSV, Arrow IPC file or stream, Parquet),
 * detected from the bytes. The Arrow and Parquet readers are loaded only when needed.
 */
export async function parseSurvivalData(bytes: Uint8Array, columns: SurvivalColumns, source = "input", options: SurvivalReadOptions = {}): Promise<SurvivalData> {
  const format = survivalFileFormat(bytes);
  if (format !== "csv" && (options.delimiter !== undefined || options.encoding !== undefined)) {
    const flag = options.delimiter !== undefined ? "--delimiter" : "--encoding";
    throw new InputError(`${source}: ${flag} applies to CSV/TSV text, but this is a${format === "arrow" ? "n Arrow" : " Parquet"} file`);
  }
  if (format === "arrow") return (await import("./readSurvivalArrow.js")).parseSurvivalArrow(bytes, columns, source, options);
  if (format === "parquet") return (await import("./readSurvivalParquet.js")).parseSurvivalParquet(bytes, columns, source, options);
  return parseSurvivalCsv(bytes, columns, source, options);
}

/**
 * Reads survival data from a file, or from standard input when `path` is `-` (`readStdin` gives its
 * bytes), in any format {@link parseSurvivalData} reads. Node only.
 */
export async function readSurvivalData(
  path: string,
  columns: SurvivalColumns,
  options: SurvivalReadOptions & { readonly displayName?: string; readonly readStdin?: () => Promise<Uint8Array> } = {},
): Promise<SurvivalData> {
  const { displayName, readStdin, ...readOptions } = options;
  if (path === "-") {
    if (readStdin === undefined) throw new InputError("standard input: cannot be read here");
    return parseSurvivalData(await readStdin(), columns, displayName ?? "standard input", readOptions);
  }
  return parseSurvivalData(readInputFile(path, displayName ?? path), columns, displayName ?? path, readOptions);
}
