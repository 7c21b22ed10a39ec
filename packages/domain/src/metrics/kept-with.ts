/**
 * Answers that depend only on an object that never changes once built (a hierarchy, a wave's tally), kept
 * with it: computed once per owner and key, and collected with the owner.
 */
export function keptWith<O extends object, K, V>(
  cache: WeakMap<O, Map<K, V>>,
  owner: O,
  key: K,
  compute: () => V,
): V {
  let known = cache.get(owner);
  if (!known) {
    known = new Map();
    cache.set(owner, known);
  }
  if (known.has(key)) return known.get(key)!;
  const value = compute();
  known.set(key, value);
  return value;
}
