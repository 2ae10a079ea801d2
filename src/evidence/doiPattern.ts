/**
 * A well-formed DOI: "10.", a registrant code of 4–9 digits, "/", then a suffix without spaces that does not end
 * in stray punctuation (".", ",", ";", "?" — the kind of residue a printed reference list leaves).
 */
export const doiPattern = /^10\.\d{4,9}\/\S*[^\s.,;?]$/;

/** Type guard: is `value` a well-formed DOI (see {@link doiPattern})? */
export function isWellFormedDoi(value: unknown): value is string {
  return typeof value === "string" && doiPattern.test(value);
}
