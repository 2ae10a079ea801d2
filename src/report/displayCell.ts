import type { CsvCellValue } from "./safeCsvTable.js";
import type { ReportColumn } from "./ReportTable.js";

/** A table cell as the report shows it: numbers to the column's digits (p < 0.0001 as "< 0.0001"), empty as "–". */
export function displayCell(value: CsvCellValue, column: ReportColumn): string {
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) return "–";
  if (typeof value === "number") {
    if (column.key.endsWith("p") && column.digits !== undefined && value < 10 ** -column.digits) return `< ${(10 ** -column.digits).toFixed(column.digits)}`;
    if (column.digits !== undefined) return value.toFixed(column.digits);
    return Number.isInteger(value) ? value.toLocaleString("en-US") : String(value);
  }
  return String(value);
}
