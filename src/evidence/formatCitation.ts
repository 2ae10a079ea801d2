import type { Reference } from "./Reference.js";

/**
 * One reference as a Vancouver-style line: authors, title, journal year;volume:pages, then the DOI (or the DOI as
 * printed, marked unusable). A Chinese-language entry keeps its own script and adds the review's English title.
 *
 *   formatCitation(reference(35))
 *   → "[35] Cives M, Ghayouri M, Morse B, et al. Analysis of … Endocr Relat Cancer. 2016;23(9):759-767. doi:10.1530/ERC-16-0147"
 */
export function formatCitation(reference: Reference): string {
  const authors = reference.authors.replace(/\.$/, "");
  const english = reference.titleEnglish !== undefined ? ` [${reference.titleEnglish}]` : "";
  const journal = reference.journalEnglish !== undefined ? `${reference.journal} (${reference.journalEnglish})` : reference.journal;
  const volume = reference.volume !== undefined ? `;${reference.volume}` : "";
  const pages = reference.pages !== undefined ? `${reference.volume !== undefined ? ":" : ";"}${reference.pages}` : "";
  const doi =
    reference.doi !== null ? ` doi:${reference.doi}` : reference.doiAsPrinted !== undefined ? ` (DOI printed as "${reference.doiAsPrinted}", not resolvable)` : " (no DOI)";
  return `[${reference.number}] ${authors}. ${reference.title}${english}. ${journal}. ${reference.year}${volume}${pages}.${doi}`;
}

/** The resolvable link of a DOI. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}
