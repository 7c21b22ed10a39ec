/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(current[j - 1]! + 1, previous[j]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate nearest to `value`, if it is near enough to be a plausible typo: within a third of the
 * value's length, and at least `minLimit` edits (2 by default; short codes use 1). Ties go to the earlier candidate.
 */
export function nearest(value: string, candidates: readonly string[], minLimit = 2): string | undefined {
  const limit = Math.max(minLimit, Math.floor(value.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // Cheap bound first: the length difference is a lower bound on the distance.
    if (Math.abs(candidate.length - value.length) > limit) continue;
    const d = levenshtein(value, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
