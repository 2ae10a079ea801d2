import { createHash } from "node:crypto";
import { ensureOutputFolderNode } from "../figures/ensureOutputFolderNode.js";
import { renderFigure } from "../figures/renderNode.js";
import { type OutputSet, openOutputSetNode } from "../io/outputSetNode.js";
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

/** Opens the output set of a report folder (checked, locked, leftovers of interrupted runs cleaned up). */
export function openReportFolderNode(folder: string, command?: string, handleSignals?: boolean): OutputSet {
  const createdFolders = ensureOutputFolderNode(folder, "pnen-sim report: output folder (--out)");
  return openOutputSetNode(folder, { tool: "pnen-sim report", what: "pnen-sim report: --out", command, handleSignals: handleSignals ?? false, createdFolders });
}

/**
 * Writes a report folder (Node only), the files as one set (openOutputSetNode):
 *
 *   DIR/figures/<name>.svg, .png (300 dpi), .pdf (raster), .vl.json     DIR/tables/<name>.csv
 *   DIR/report.md, DIR/report.html                        DIR/manifest.json (files with sha256, times)
 *
 * Every CSV ends with the provenance columns pnen_sim_version, scenario_hash, seed; figures carry it in
 * their metadata. All files but manifest.json are byte-identical for the same document. The folder is switched
 * to the new files in one committed step, so it always holds exactly one report; files of the previous report
 * that this one does not write are removed only when the previous manifest lists them and they are unchanged
 * since — files of the user's (figures/my-figure.png, tables/data.csv) are never touched. `run.set` is an
 * output set already opened on `folder` (runReportNode opens it before simulating); without it one is opened
 * here and closed at the end.
 */
export async function writeReportNode(document: ReportDocument, folder: string, run: { command: string; startedAt: Date; set?: OutputSet }): Promise<WrittenReport> {
  const set = run.set ?? openReportFolderNode(folder, run.command);
  try {
    return await writeReportSet(document, folder, run, set);
  } finally {
    if (run.set === undefined) set.close();
  }
}

async function writeReportSet(document: ReportDocument, folder: string, run: { command: string; startedAt: Date }, set: OutputSet): Promise<WrittenReport> {
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
  for (const [path, content] of written) set.writeFile(path, content);
  // a SIGINT/SIGTERM that arrived during the (synchronous) writing is handled here, before the commit point
  await new Promise((resolve) => setImmediate(resolve));
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
  set.commit(files, `${JSON.stringify(manifest, null, 2)}\n`);
  return { folder, files: [...files, "manifest.json"].sort(), warnings };
}

const byteLength = (content: string | Uint8Array) => (typeof content === "string" ? Buffer.byteLength(content) : content.length);
