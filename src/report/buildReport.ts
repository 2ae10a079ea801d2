import { analyseReport, type ReportOptions } from "./analyseReport.js";
import { reportDocument, type ReportDocument } from "./reportDocument.js";
import { reportFigures, type ReportFigureOptions } from "./reportFigures.js";
import type { ReportInput } from "./ReportInput.js";
import { reportTables } from "./reportTables.js";
import { validationSection } from "./validationSection.js";

/**
 * The whole report from a run, in memory (pure, browser-safe):
 *
 *   ReportInput ─ analyseReport ─▶ KM, log-rank, Cox, RMST, risk tables
 *                     ├─ reportTables  ─▶ tables (CSV + display)
 *                     ├─ reportFigures ─▶ Vega-Lite specs
 *                     ├─ methodsText   ─▶ methods paragraphs
 *                     └─ validationSection (with --validate) ─▶ emulated trials: text, figure, table
 *   ─▶ ReportDocument ─ reportMarkdown / reportHtml (pure) ─ writeReportNode (files)
 */
export function buildReport(input: ReportInput, options: ReportOptions & ReportFigureOptions = {}): ReportDocument {
  const analysis = analyseReport(input, options);
  const { figures, notes } = reportFigures(analysis, input, options);
  const sections = input.validation === undefined ? [] : [validationSection(input.validation)];
  return reportDocument(input, analysis, figures, reportTables(analysis, input), notes, sections);
}
