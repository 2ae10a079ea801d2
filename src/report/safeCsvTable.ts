/**
 * CSV that is safe to open in a spreadsheet (OWASP "CSV Injection"): a text cell that begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return could be run as a formula by Excel, LibreOffice or Google Sheets, so
 * it gets a leading apostrophe (shown as text, not evaluated) and the cell is quoted. Numbers stay numbers:
 * a JavaScript number, or a text that is entirely a plain decimal number such as "-0.25", is written bare.
 * Cells with a comma, quote or line break are quoted, quotes doubled (RFC 4180). Lines end with "\n".
 * Pure; O(total characters).
 */
export type CsvCellValue = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** One CSV cell. null, undefined and NaN are empty cells (R reads them as NA). */
export function safeCsvCell(value: CsvCellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? "" : value > 0 ? "Inf" : "-Inf";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (plainNumber.test(value)) return value;
  const guarded = formulaStart.test(value) ? `'${value}` : value;
  return formulaStart.test(value) || /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A whole CSV document: a header row and the rows, each cell through {@link safeCsvCell}. */
export function safeCsvTable(header: readonly string[], rows: readonly (readonly CsvCellValue[])[]): string {
  return [header, ...rows].map((row) => row.map(safeCsvCell).join(",")).join("\n") + "\n";
}
