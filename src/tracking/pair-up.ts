/**
 * Pairs the items of one key, one-to-one. Equal counts pair in line order, which is what a
 * shift, a re-indent or a moved block preserves; otherwise (a duplicated block, a deleted one)
 * the nearest pairs win, so the copy that stayed in place keeps the identity.
 */
/**
 * Above this many candidate pairs (thousands of equal lines of one rule in one file) the nearest
 * pairs are not worth their quadratic cost: those pair in line order instead.
 */
const MAX_PAIRS_COMPARED = 1_000_000;

export interface Located {
  index: number;
  /** Line in its own analysis; for the older side already corrected by the file's shift. */
  line: number;
}

export function pairUp(
  newer: readonly Located[],
  older: readonly Located[],
  maxDistance = Infinity,
): [number, number][] {
  const byLine = (a: Located, b: Located) => a.line - b.line || a.index - b.index;
  const n = [...newer].sort(byLine);
  const o = [...older].sort(byLine);
  const inOrder = n.length === o.length || n.length * o.length > MAX_PAIRS_COMPARED;
  if (maxDistance === Infinity && inOrder) {
    const count = Math.min(n.length, o.length);
    return n.slice(0, count).map((item, i): [number, number] => [item.index, o[i]?.index ?? -1]);
  }
  const candidates: { newer: number; older: number; distance: number }[] = [];
  let from = 0;
  for (const item of n) {
    while (from < o.length && (o[from]?.line ?? 0) < item.line - maxDistance) from++;
    for (let j = from; j < o.length; j++) {
      const other = o[j];
      if (other === undefined || other.line > item.line + maxDistance) break;
      candidates.push({
        newer: item.index,
        older: other.index,
        distance: Math.abs(other.line - item.line),
      });
    }
  }
  candidates.sort((a, b) => a.distance - b.distance || a.newer - b.newer || a.older - b.older);
  const usedNewer = new Set<number>();
  const usedOlder = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of candidates) {
    if (usedNewer.has(c.newer) || usedOlder.has(c.older)) continue;
    usedNewer.add(c.newer);
    usedOlder.add(c.older);
    pairs.push([c.newer, c.older]);
  }
  return pairs;
}
