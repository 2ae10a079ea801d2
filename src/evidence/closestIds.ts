/**
 * The known ids closest to a mistyped one, for "did you mean" hints, nearest first by Levenshtein edit distance.
 * An id is a candidate when it is within about half the query's length in edits, or when one contains the other
 * ("captem" for "captem.pfs"). Costs O(n · |a| · |b|) for n ids, and only O(n · (|a| + |b|)) for ids whose length
 * differs from the query's by more than the limit (their distance is at least that difference).
 */
export function closestIds(query: string, ids: readonly string[], count = 3): string[] {
  const needle = query.toLowerCase();
  const limit = Math.max(3, Math.floor(needle.length / 2));
  return ids
    .map((id) => {
      const hay = id.toLowerCase();
      // the edit distance is at least the difference in length: past the limit it cannot make a candidate, so it
      // is not computed (a 200,000-character query would otherwise cost seconds)
      const distance = Math.abs(needle.length - hay.length) > limit ? Number.POSITIVE_INFINITY : editDistance(needle, hay);
      return { id, distance, contains: needle.length >= 3 && (hay.includes(needle) || needle.includes(hay)) };
    })
    .filter((c) => c.contains || c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((c) => c.id);
}

/** Levenshtein distance: the fewest single-character insertions, deletions and substitutions turning a into b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
