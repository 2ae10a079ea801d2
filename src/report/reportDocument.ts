import { formatCitation } from "../evidence/formatCitation.js";
import type { ReportAnalysis } from "./analyseReport.js";
import { methodsText } from "./methodsText.js";
import { provenanceOf, type ReportProvenance } from "./ReportProvenance.js";
import type { ReportFigure } from "./reportFigures.js";
import type { ReportInput } from "./ReportInput.js";
import type { ReportTable } from "./ReportTable.js";
import { researchUseNotice } from "./researchUseNotice.js";
import type { ReportSection } from "./validationSection.js";

/** The assembled report, before it is written: all text, tables and figure specs. Plain data. */
export interface ReportDocument {
  readonly title: string;
  readonly provenance: ReportProvenance;
  readonly methods: readonly string[];
  readonly figures: readonly ReportFigure[];
  readonly tables: readonly ReportTable[];
  /** Notes for the reader (e.g. why a figure is missing). */
  readonly notes: readonly string[];
  /** Formatted references (Vancouver style): the review, the references of the review behind the figures used, then outside sources of the labelled assumptions used; each with its DOI when it has one. */
  readonly references: readonly { readonly text: string; readonly doi: string | null }[];
  readonly notice: string;
  /** Sections of their own after the tables (the validation against published trials), each with its figures and tables. */
  readonly sections?: readonly ReportSection[];
}

/** Puts the pieces together; pure. */
export function reportDocument(input: ReportInput, analysis: ReportAnalysis, figures: readonly ReportFigure[], tables: readonly ReportTable[], notes: readonly string[], sections: readonly ReportSection[] = []): ReportDocument {
  const source = input.source;
  const references = [
    ...(source === null ? [] : [{ text: `${source.authors}. ${source.title} [${source.titleEnglish}]. ${source.journal}. ${source.year}. doi:${source.doi}`, doi: source.doi }]),
    ...[...input.references].sort((a, b) => a.number - b.number).map((r) => ({ text: formatCitation(r), doi: r.doi })),
    ...(input.externalSources ?? []).map((s) => ({ text: `${s.text} (external evidence, outside the review: ${s.figures.join(", ")})`, doi: s.doi })),
    ...input.assumptionSources.map((s) => ({ text: `${s.text.replace(/\s*doi:\s*\S+\s*$/i, "")} (outside source for the labelled assumption${s.assumptions.length === 1 ? "" : "s"} ${s.assumptions.join(", ")})`, doi: s.doi })),
  ];
  return {
    title: `pnen-sim report: scenario "${input.scenario.name}"`,
    provenance: provenanceOf(input),
    methods: methodsText(input, analysis),
    figures,
    tables,
    notes,
    references,
    notice: researchUseNotice,
    ...(sections.length > 0 && { sections }),
  };
}


