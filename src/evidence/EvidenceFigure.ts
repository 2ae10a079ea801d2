import type { PopulationSpec } from "./PopulationSpec.js";

/**
 * What kind of evidence a figure is:
 * - "treatment effect": a comparison of treatments where the treatment was assigned at random (or at least by
 *   design, against a control arm), so the difference can be read as the treatment's effect;
 * - "subgroup comparison": a comparison of groups of patients that were not assigned at random (site of the primary,
 *   responders who reached surgery, resected vs not), so the difference mixes treatment and selection;
 * - "descriptive": a single-arm outcome (a median PFS on a drug, a response rate), a prevalence or a sample size,
 *   with no comparison at all.
 */
export const effectKinds = ["treatment effect", "subgroup comparison", "descriptive"] as const;
export type EffectKind = (typeof effectKinds)[number];

/** Result of checking the review's figure against the cited primary source. */
export const sourceCheckStatuses = ["agrees", "disagrees", "partly", "unverified"] as const;
export type SourceCheckStatus = (typeof sourceCheckStatuses)[number];

/** The other arm of a comparison ("conversion then resection vs direct resection: 22 vs 12 months, P = 0.027"). */
export interface Comparator {
  readonly label: string;
  readonly value?: number;
  readonly low?: number;
  readonly high?: number;
  /** The P value as reported, when one is. */
  readonly p?: number;
}

/**
 * One quantitative figure the review reports (data/evidence/figures.json), with its provenance and a
 * reviewer's reading of it. Either `value` or `low` and `high` (or both) are present.
 */
export interface EvidenceFigure {
  /**
   * "review" (absent: the review's own figure, data/evidence/figures.json) or "external": a figure from outside
   * the review (data/evidence/external.json), kept apart, with its own `source` citation and DOI; its `section`
   * is "external", its `refs` empty and its `quote` empty.
   */
  readonly evidenceSet?: "review" | "external";
  /** The citation of an external figure (the review's figures cite the review's reference list instead). */
  readonly source?: string;
  /** The population as structured data (grades, line, progressive, site, country, n): see {@link PopulationSpec}. */
  readonly populationSpec?: PopulationSpec;
  /** Stable id, dot-separated words: `captem.pfs.median`. */
  readonly id: string;
  readonly value?: number;
  readonly low?: number;
  readonly high?: number;
  readonly unit: string;
  /** "median PFS", "median OS", "ORR", "DCR", "5-year survival", "proportion", "duration", "relapse rate", … */
  readonly endpoint: string;
  /** A treatment id from treatments.json, or null when the figure is not about a treatment. */
  readonly treatment: string | null;
  /** Grade, functional status, tumour site, country … of the patients the figure is about. */
  readonly population: string;
  readonly comparator?: Comparator;
  /** Section of the review: "intro", "1.3", "3.2", … */
  readonly section: string;
  /** Reference numbers exactly as the review cites them. */
  readonly refs: readonly number[];
  /** DOIs of the cited references (from the reference list). */
  readonly dois: readonly string[];
  /** Study design behind the figure: "randomised phase III", "retrospective series", "meta-analysis", … */
  readonly design: string;
  /** True when the cited data are about pancreatic tumours only; "mixed" when pancreatic and other sites. */
  readonly pancreasSpecific: boolean | "mixed";
  readonly effectKind: EffectKind;
  /** The review's own words (Chinese), for checking. */
  readonly quote: string;
  /** Set wherever the source text is garbled or ambiguous, or the figure needs care. */
  readonly note?: string;
  /** How the figure compares with the cited primary source. */
  readonly sourceCheck: { readonly status: SourceCheckStatus; readonly note: string };
}
