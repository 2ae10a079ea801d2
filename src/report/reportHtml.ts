import { displayCell } from "./displayCell.js";
import { provenanceLine } from "./ReportProvenance.js";
import type { ReportDocument } from "./reportDocument.js";

/**
 * report.html: one self-contained page (inline CSS, no scripts, no network) with the same content as
 * report.md; figures are the SVG files beside it, scaled to their printed width. Pure; byte-stable.
 */
export function reportHtml(document: ReportDocument): string {
  // figures and tables numbered from `first` + 1 (a section's continue the numbering of the main lists)
  const figureHtml = (list: readonly ReportDocument["figures"][number][], first: number) => list
    .map((f, k) => {
      const i = first + k;
      return (
        `<figure id="${f.name}"><img src="figures/${f.name}.svg" alt="Figure ${i + 1}: ${escapeHtml(f.caption)}"><figcaption><b>Figure ${i + 1}.</b> ${escapeHtml(f.caption)} ` +
        `<span class="files"><a href="figures/${f.name}.svg">SVG</a> · <a href="figures/${f.name}.png">PNG, 300 dpi</a> · <a href="figures/${f.name}.pdf">PDF (raster)</a> · <a href="figures/${f.name}.vl.json">Vega-Lite spec</a></span></figcaption></figure>`
      );
    })
    .join("\n");
  const tableHtml = (list: readonly ReportDocument["tables"][number][], first: number) => list
    .map((t, k) => {
      const i = first + k;
      const numeric = t.columns.map((_, j) => typeof t.rows[0]?.[j] === "number");
      const head = t.columns.map((c, j) => `<th${numeric[j] ? ' class="n"' : ""}>${escapeHtml(c.label)}</th>`).join("");
      const body = t.rows.map((row) => `<tr>${t.columns.map((c, j) => `<td${numeric[j] ? ' class="n"' : ""}>${escapeHtml(displayCell(row[j], c))}</td>`).join("")}</tr>`).join("\n");
      return `<table id="table-${t.name}"><caption><b>Table ${i + 1}.</b> ${escapeHtml(t.title)} <a href="tables/${t.name}.csv">CSV</a></caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>${t.note === undefined ? "" : `\n<p class="note">${escapeHtml(t.note)}</p>`}`;
    })
    .join("\n");
  const figures = figureHtml(document.figures, 0);
  const tables = tableHtml(document.tables, 0);
  let figureCount = document.figures.length;
  let tableCount = document.tables.length;
  const sections = (document.sections ?? [])
    .map((section) => {
      const html = `<section id="${section.id}">\n<h2>${escapeHtml(section.title)}</h2>\n${section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}\n${figureHtml(section.figures, figureCount)}\n${tableHtml(section.tables, tableCount)}\n</section>`;
      figureCount += section.figures.length;
      tableCount += section.tables.length;
      return html;
    })
    .join("\n");
  const references = document.references
    .map((r) => `<li>${escapeHtml(r.text)}${r.doi === null ? "" : ` <a href="https://doi.org/${encodeURI(r.doi)}">https://doi.org/${escapeHtml(r.doi)}</a>`}</li>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pnen-sim ${escapeHtml(document.provenance.packageVersion)}">
<title>${escapeHtml(document.title)}</title>
<style>
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #111; }
.notice { border: 2px solid #D55E00; padding: 0.6rem 0.9rem; font-weight: bold; }
.provenance, .note, .files { color: #444; font-size: 0.85rem; }
figure { margin: 2rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
table { border-collapse: collapse; margin: 1.5rem 0 0.3rem; font-size: 0.85rem; } caption { text-align: left; padding-bottom: 0.3rem; }
th, td { border-bottom: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; } .n { text-align: right; font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<h1>${escapeHtml(document.title)}</h1>
<p class="notice">${escapeHtml(document.notice)}</p>
<p class="provenance">Provenance: ${escapeHtml(provenanceLine(document.provenance))}</p>
<h2>Methods</h2>
${document.methods.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<h2>Figures</h2>
${figures}
${document.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join("\n")}
<h2>Tables</h2>
${tables}${sections === "" ? "" : `\n${sections}`}
<h2>References</h2>
<ol>
${references}
</ol>
<p class="notice">${escapeHtml(document.notice)}</p>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
