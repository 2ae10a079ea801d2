import type { CsvCellValue } from "./safeCsvTable.js";

/**
 * A table of the report: written as `tables/<name>.csv` (numbers unrounded, as data) and shown in the
 * report (numbers as `display` formats them). Plain data; pure builders make it.
 */
export interface ReportTable {
  /** File name without extension: "medians". */
  readonly name: string;
  /** Caption: "Table 1. Median progression-free and overall survival by strategy". */
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly CsvCellValue[])[];
  /** A sentence under the table: abbreviations, methods. */
  readonly note?: string;
}

export interface ReportColumn {
  /** CSV header, snake_case: "median_months". */
  readonly key: string;
  /** Header in the report: "Median (months)". */
  readonly label: string;
  /** Decimal places for numbers in the report (the CSV keeps full precision); default: shown as is. */
  readonly digits?: number;
}
