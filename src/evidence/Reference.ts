/** One entry of the review's reference list (data/evidence/references.json), numbered as the review numbers it. */
export interface Reference {
  /** The number the review cites it by, 1–64. */
  readonly number: number;
  /** Authors as printed ("Cives M, Ghayouri M, Morse B, et al."). */
  readonly authors: string;
  /** Authors in Latin script, as the review gives them for a Chinese-language article. */
  readonly authorsLatin?: string;
  /** Title in the language of publication. */
  readonly title: string;
  /** English title given by the review for a Chinese-language article. */
  readonly titleEnglish?: string;
  readonly journal: string;
  /** English journal name given by the review for a Chinese-language article. */
  readonly journalEnglish?: string;
  readonly year: number;
  readonly volume?: string;
  readonly pages?: string;
  /** A well-formed DOI (no "doi:" prefix), or null when the list gives none or an unusable one. */
  readonly doi: string | null;
  /** The DOI exactly as printed, when it differs from `doi` (garbled or with stray punctuation). */
  readonly doiAsPrinted?: string;
  readonly language: "en" | "zh";
  readonly note?: string;
}

/** The review itself: the document every figure of the registry was read from. */
export interface SourceDocument {
  readonly id: string;
  readonly authors: string;
  readonly title: string;
  readonly titleEnglish: string;
  readonly journal: string;
  readonly year: number;
  readonly doi: string;
  readonly note?: string;
}
