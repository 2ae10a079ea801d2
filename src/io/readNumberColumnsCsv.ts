import { readFileSync } from "node:fs";
import { InputError } from "../util/InputError.js";
import { decimalNumber } from "./decimalNumber.js";
import { splitCsvLine } from "./splitCsvLine.js";

/** Named numeric columns read from a CSV, one entry per data row, with the line of the file each row came from. */
export interface NumberColumns {
  readonly rows: number;
  readonly columns: Readonly<Record<string, Float64Array>>;
  /** The line number (1 = the header) of each data row, for messages. */
  readonly lines: Int32Array;
  /** `${source}: row r (line l)`, naming data row i (0-based) as messages do. */
  readonly describeRow: (index: number) => string;
}

/**
 * Reads a small CSV of numbers with a header row (a digitised curve `time,survival`, a risk table
 * `time,nRisk`), Node only. Only the named columns are read (matched after trimming; others are ignored).
 * Blank lines are skipped; CRLF and double-quoted cells are accepted; a BOM is dropped.
 * Every problem is an {@link InputError} naming the file, row, line and column:
 * `curve.csv: row 7 (line 8), column 'survival': expected a number, got 'abc'`. O(size of the file).
 */
export function readNumberColumnsCsv(path: string, names: readonly string[], displayName = path): NumberColumns {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${displayName}: cannot read the file (${code === "ENOENT" ? "no such file" : (code ?? String(error))})`);
  }
  return parseNumberColumnsCsv(text, names, displayName);
}

/** The parser of {@link readNumberColumnsCsv}, for a string. */
export function parseNumberColumnsCsv(text: string, names: readonly string[], source = "input"): NumberColumns {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split("\n");
  const header = splitCsvLine(lines[0] ?? "").map((cell) => cell.trim());
  if (header.length === 1 && header[0] === "") throw new InputError(`${source}: the file is empty (expected a header row with ${names.join(",")})`);
  const positions = names.map((name) => {
    const at = header.indexOf(name);
    if (at < 0) throw new InputError(`${source}: no column '${name}' (expected columns ${names.join(",")}); columns: ${header.join(", ")}`);
    return at;
  });
  const values = names.map(() => [] as number[]);
  const lineOf: number[] = [];
  for (let l = 1; l < lines.length; l++) {
    const line = lines[l]!;
    if (line.trim() === "") continue;
    const row = lineOf.length + 1;
    const cells = splitCsvLine(line);
    names.forEach((name, c) => {
      const cell = cells[positions[c]!];
      if (cell === undefined) throw new InputError(`${source}: row ${row} (line ${l + 1}): expected at least ${Math.max(...positions) + 1} cells, got ${cells.length}`);
      const value = decimalNumber(cell);
      if (Number.isNaN(value)) throw new InputError(`${source}: row ${row} (line ${l + 1}), column '${name}': expected a number, got ${cell.trim() === "" ? "an empty cell" : `'${cell.trim()}'`}`);
      values[c]!.push(value);
    });
    lineOf.push(l + 1);
  }
  if (lineOf.length === 0) throw new InputError(`${source}: no data rows after the header (expected one row per point)`);
  const lineNumbers = Int32Array.from(lineOf);
  return {
    rows: lineOf.length,
    columns: Object.fromEntries(names.map((name, c) => [name, Float64Array.from(values[c]!)])),
    lines: lineNumbers,
    describeRow: (index: number) => `${source}: row ${index + 1} (line ${lineNumbers[index]})`,
  };
}
