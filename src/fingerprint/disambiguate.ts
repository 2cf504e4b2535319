import type { Location } from "../findings/finding.js";

export interface Identified {
  fingerprint: string;
  location: Location;
  message: string;
}

/**
 * The fingerprints of `items`, in order, made unique: when a tool reports the same thing twice,
 * every repeat after the first gets `#2`, `#3`… Repeats are ranked by position and message, not by
 * input order, so the suffixes stay put when a scanner reorders its output or lines are inserted
 * above. Only repeated fingerprints are ranked, so the usual case (no repeats) is one pass.
 */
export function uniqueFingerprints(items: readonly Identified[]): string[] {
  const groups = new Map<string, number[]>();
  const result = items.map((item, index) => {
    const group = groups.get(item.fingerprint);
    if (group === undefined) groups.set(item.fingerprint, [index]);
    else group.push(index);
    return item.fingerprint;
  });
  for (const [fingerprint, indexes] of groups) {
    if (indexes.length < 2) continue;
    const ranked = indexes.sort((a, b) => compare(items, a, b));
    ranked.forEach((index, rank) => {
      if (rank > 0) result[index] = `${fingerprint}#${rank + 1}`;
    });
  }
  return result;
}

function compare(items: readonly Identified[], a: number, b: number): number {
  const x = items[a];
  const y = items[b];
  if (x === undefined || y === undefined) return a - b;
  const rx = x.location.region;
  const ry = y.location.region;
  return (
    (rx?.startLine ?? 0) - (ry?.startLine ?? 0) ||
    (rx?.startColumn ?? 0) - (ry?.startColumn ?? 0) ||
    (rx?.endLine ?? 0) - (ry?.endLine ?? 0) ||
    (rx?.endColumn ?? 0) - (ry?.endColumn ?? 0) ||
    (x.message < y.message ? -1 : x.message > y.message ? 1 : 0) ||
    a - b
  );
}
