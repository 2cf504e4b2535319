import { groupKey, type Trackable } from "./trackable.js";

/**
 * Which items on each side the passes after the first could still match: not matched by equal
 * fingerprint, with an unmatched item of the same tool and rule on the other side. Only these
 * need their flagged line read, so a re-run whose findings all kept their fingerprint reads none.
 */
export function unmatchedByFingerprint(
  newer: readonly Trackable[],
  older: readonly Trackable[],
): { newer: Set<number>; older: Set<number> } {
  const olderPrints = new Set(older.map((o) => o.fingerprint));
  const newerPrints = new Set(newer.map((n) => n.fingerprint));
  const lonelyNewer = indexesWhere(newer, (n) => !olderPrints.has(n.fingerprint));
  const lonelyOlder = indexesWhere(older, (o) => !newerPrints.has(o.fingerprint));
  const groupsOf = (items: readonly Trackable[], indexes: number[]) =>
    new Set(indexes.map((i) => groupKey(items[i] ?? { tool: "", ruleId: "" })));
  const newerGroups = groupsOf(newer, lonelyNewer);
  const olderGroups = groupsOf(older, lonelyOlder);
  return {
    newer: new Set(
      lonelyNewer.filter((i) => olderGroups.has(groupKey(newer[i] ?? { tool: "", ruleId: "" }))),
    ),
    older: new Set(
      lonelyOlder.filter((i) => newerGroups.has(groupKey(older[i] ?? { tool: "", ruleId: "" }))),
    ),
  };
}

function indexesWhere<T>(items: readonly T[], keep: (item: T) => boolean): number[] {
  const out: number[] = [];
  items.forEach((item, i) => {
    if (keep(item)) out.push(i);
  });
  return out;
}
