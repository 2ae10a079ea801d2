import { createHash } from "node:crypto";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { renderFigure } from "../figures/renderNode.js";
import { writeFileAtomic } from "../io/writeFileAtomic.js";
import { safeCsvTable } from "./safeCsvTable.js";
import type { ReportDocument } from "./reportDocument.js";
import { reportHtml } from "./reportHtml.js";
import { reportMarkdown } from "./reportMarkdown.js";

/** What a written report consists of, for the manifest and the CLI's closing message. */
export interface WrittenReport {
  readonly folder: string;
  /** Paths relative to the folder, sorted. */
  readonly files: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * Writes a report folder (Node only), every file atomically:
 *
 *   DIR/figures/<name>.svg, .png (300 dpi), .pdf (raster), .vl.json     DIR/tables/<name>.csv
 *   DIR/report.md, DIR/report.html                        DIR/manifest.json (files with sha256, times)
 *
 * Every CSV ends with the provenance columns pnen_sim_version, scenario_hash, seed; figures carry it in
 * their metadata. All files but manifest.json are byte-identical for the same document. Figure and table
 * files a previous run left in figures/ and tables/ (same extensions, names this run did not write) are
 * removed, so the folder always matches its manifest; other files are left alone.
 */
export async function writeReportNode(document: ReportDocument, folder: string, run: { command: string; startedAt: Date }): Promise<WrittenReport> {
  const written = new Map<string, string | Uint8Array>();
  const warnings: string[] = [];
  const provenance: Record<string, string> = {
    "pnen-sim version": document.provenance.packageVersion,
    scenario: document.provenance.scenario,
    "scenario hash": document.provenance.scenarioHash,
    seed: document.provenance.seed,
    patients: document.provenance.n,
    replicates: document.provenance.replicates,
    notice: document.notice,
  };
  // Everything is rendered in memory first: a figure that fails to render leaves the folder untouched,
  // instead of half the figures new and the rest (and the manifest) from a previous run.
  const sectionFigures = (document.sections ?? []).flatMap((s) => s.figures);
  const sectionTables = (document.sections ?? []).flatMap((s) => s.tables);
  for (const figure of [...document.figures, ...sectionFigures]) {
    const rendered = await renderFigure(figure.spec, { provenance });
    written.set(`figures/${figure.name}.svg`, rendered.svg);
    written.set(`figures/${figure.name}.png`, rendered.png);
    written.set(`figures/${figure.name}.pdf`, rendered.pdf);
    written.set(`figures/${figure.name}.vl.json`, rendered.json);
    warnings.push(...rendered.warnings.map((w) => `${figure.name}: ${w}`));
  }
  const p = document.provenance;
  for (const table of [...document.tables, ...sectionTables]) {
    const text = safeCsvTable(
      [...table.columns.map((c) => c.key), "pnen_sim_version", "scenario_hash", "seed"],
      table.rows.map((row) => [...row, p.packageVersion, p.scenarioHash, p.seed]),
    );
    written.set(`tables/${table.name}.csv`, text);
  }
  written.set("report.md", reportMarkdown(document));
  written.set("report.html", reportHtml(document));
  for (const [path, content] of written) writeFileAtomic(join(folder, path), content);
  removeStale(folder, written);
  const files = [...written.keys()].sort();
  const manifest = {
    tool: "pnen-sim report",
    version: p.packageVersion,
    scenario: p.scenario,
    scenarioHash: p.scenarioHash,
    seed: p.seed,
    n: Number(p.n),
    replicates: Number(p.replicates),
    command: run.command,
    startedAt: run.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    notice: document.notice,
    files: files.map((path) => ({ path, bytes: byteLength(written.get(path)!), sha256: createHash("sha256").update(written.get(path)!).digest("hex") })),
  };
  writeFileAtomic(join(folder, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { folder, files: [...files, "manifest.json"].sort(), warnings };
}

const byteLength = (content: string | Uint8Array) => (typeof content === "string" ? Buffer.byteLength(content) : content.length);

/** Removes figures/*.{svg,png,pdf,vl.json} and tables/*.csv that this run did not write. */
function removeStale(folder: string, written: ReadonlyMap<string, unknown>): void {
  for (const [sub, pattern] of [["figures", /\.(svg|png|pdf|vl\.json)$/], ["tables", /\.csv$/]] as const) {
    const directory = join(folder, sub);
    if (!existsSync(directory)) continue;
    for (const file of readdirSync(directory)) if (pattern.test(file) && !written.has(`${sub}/${file}`)) rmSync(join(directory, file));
  }
}
