import type { View } from "vega";
import { safeCsvTable, type CsvCellValue } from "../engine/report/index.js";

export interface DownloadSources {
  readonly name: string;
  readonly view: View;
  readonly spec: unknown;
  readonly csv?: readonly Readonly<Record<string, unknown>>[];
}

function save(url: string, fileName: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

function saveText(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  save(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function button(label: string, onClick: () => void | Promise<void>): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = label;
  element.addEventListener("click", () => void onClick());
  return element;
}

/** Rows as CSV with the report's spreadsheet-safe writer (`safeCsvTable`); columns are the first row's keys. */
function rowsToCsv(rows: readonly Readonly<Record<string, unknown>>[]): string {
  const header = rows.length > 0 ? Object.keys(rows[0]!) : [];
  return safeCsvTable(header, rows.map((row) => header.map((key) => row[key] as CsvCellValue)));
}

/**
 * Download buttons for a figure: SVG and PNG (2× scale) from the live Vega view, the figure's data as CSV, and
 * the Vega-Lite spec as JSON so it can be restyled. CSV cells are spreadsheet-safe (no formula injection). Everything is made in the browser (blob and data URLs).
 */
export function downloadButtons({ name, view, spec, csv }: DownloadSources): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "pnen-downloads";
  bar.append(
    button("SVG", async () => saveText(await view.toSVG(), "image/svg+xml", `${name}.svg`)),
    button("PNG", async () => save(await view.toImageURL("png", 2), `${name}.png`)),
  );
  if (csv !== undefined) bar.append(button("CSV", () => saveText(rowsToCsv(csv), "text/csv", `${name}.csv`)));
  bar.append(button("Vega-Lite", () => saveText(JSON.stringify(spec, null, 2), "application/json", `${name}.vl.json`)));
  return bar;
}
