import { displayCell } from "./displayCell.js";
import { provenanceLine } from "./ReportProvenance.js";
import type { ReportDocument } from "./reportDocument.js";
import type { ReportTable } from "./ReportTable.js";

/**
 * report.md: the research-use notice, provenance, methods, figures (PNG, with links to SVG and Vega-Lite),
 * tables (with links to their CSV) and references with DOI links. Paths are relative to the report folder.
 * Pure; byte-stable for the same document.
 */
export function reportMarkdown(document: ReportDocument): string {
  const lines: string[] = [`# ${escapeText(document.title)}`, "", `> **${escapeText(document.notice)}**`, "", `Provenance: ${escapeText(provenanceLine(document.provenance))}`, "", "## Methods", ""];
  // every text is plain text (as report.html escapes it): a scenario description cannot add HTML, links or headings
  for (const paragraph of document.methods) lines.push(escapeText(paragraph), "");
  lines.push("## Figures", "");
  document.figures.forEach((figure, i) => lines.push(...markdownFigure(figure, i + 1), ""));
  for (const note of document.notes) lines.push(`*${escapeText(note)}*`, "");
  lines.push("## Tables", "");
  document.tables.forEach((table, i) => lines.push(...markdownTable(table, i + 1), ""));
  let figureCount = document.figures.length;
  let tableCount = document.tables.length;
  for (const section of document.sections ?? []) {
    lines.push(`## ${escapeText(section.title)}`, "");
    for (const paragraph of section.paragraphs) lines.push(escapeText(paragraph), "");
    section.figures.forEach((figure) => {
      figureCount++;
      lines.push(...markdownFigure(figure, figureCount), "");
    });
    section.tables.forEach((table) => {
      tableCount++;
      lines.push(...markdownTable(table, tableCount), "");
    });
  }
  lines.push("## References", "");
  document.references.forEach((r, i) => lines.push(`${i + 1}. ${escapeMarkdown(r.text)}${r.doi === null ? "" : ` <https://doi.org/${r.doi}>`}`));
  lines.push("", "---", "", `*${document.notice}*`, "");
  return lines.join("\n");
}

function markdownFigure(figure: ReportDocument["figures"][number], number: number): string[] {
  return [
    `**Figure ${number}.** ${escapeText(figure.caption)}`,
    "",
    `![Figure ${number}](figures/${figure.name}.png)`,
    "",
    `Files: [SVG](figures/${figure.name}.svg) · [PNG, 300 dpi](figures/${figure.name}.png) · [PDF (raster)](figures/${figure.name}.pdf) · [Vega-Lite spec](figures/${figure.name}.vl.json)`,
  ];
}

function markdownTable(table: ReportTable, number: number): string[] {
  const out = [`**Table ${number}.** ${escapeMarkdown(table.title)} ([CSV](tables/${table.name}.csv))`, ""];
  out.push(`| ${table.columns.map((c) => escapeCell(c.label)).join(" | ")} |`);
  out.push(`| ${table.columns.map((_c, j) => (typeof table.rows[0]?.[j] === "number" ? "---:" : "---")).join(" | ")} |`);
  for (const row of table.rows) out.push(`| ${table.columns.map((c, j) => escapeCell(displayCell(row[j], c))).join(" | ")} |`);
  if (table.note !== undefined) out.push("", `*${escapeMarkdown(table.note)}*`);
  return out;
}

const escapeCell = (text: string) => escapeMarkdown(text).replace(/\|/g, "\\|");
const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]<>])/g, "\\$1");
/** Plain text in Markdown: line breaks become spaces (no new block can start) and Markdown's and HTML's marks are escaped. */
const escapeText = (text: string) => escapeMarkdown(text.replace(/[ \t]*[\r\n]+[ \t]*/g, " "));
