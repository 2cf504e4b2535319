import type { Location } from "../findings/finding.js";

export interface Identified {
  fingerprint: string;
  location: Location;
  message: string;
}

/**
 * The items, in order, with unique fingerprints: when a tool reports the same thing twice, every repeat after the first
 * gets `#2`, `#3`… Repeats are ranked by position and message, not by input order, so the suffixes
 * stay put when a scanner reorders its output or lines are inserted above.
 */
export function disambiguate<T extends Identified>(items: readonly T[]): T[] {
  const ranked = items.map((item, index) => ({ item, index })).sort(compare);
  const seen = new Map<string, number>();
  const result = [...items];
  for (const { item, index } of ranked) {
    const count = (seen.get(item.fingerprint) ?? 0) + 1;
    seen.set(item.fingerprint, count);
    if (count > 1) result[index] = { ...item, fingerprint: `${item.fingerprint}#${count}` };
  }
  return result;
}

interface Ranked {
  item: Identified;
  index: number;
}

function compare(a: Ranked, b: Ranked): number {
  const ra = a.item.location.region;
  const rb = b.item.location.region;
  const keys: [number | string, number | string][] = [
    [ra?.startLine ?? 0, rb?.startLine ?? 0],
    [ra?.startColumn ?? 0, rb?.startColumn ?? 0],
    [ra?.endLine ?? 0, rb?.endLine ?? 0],
    [ra?.endColumn ?? 0, rb?.endColumn ?? 0],
    [a.item.message, b.item.message],
    [a.index, b.index],
  ];
  for (const [x, y] of keys) {
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}
