/**
 * The tracker (design.md Part 2 "Identity"): which finding of an older analysis each finding of
 * a newer one is, in passes from strictest to loosest, never across tools or rules. Each older
 * finding is used at most once, so a duplicated block yields one tracked finding and one new one.
 * Pure.
 */
import { NEAR_LINES, PASSES, type OlderPath, type Pass } from "./passes.js";
import { pairUp, type Located } from "./pair-up.js";
import { lineShifts } from "./line-shifts.js";
import { groupKey, type Trackable } from "./trackable.js";

export interface TrackMatch {
  /** Index into the older analysis. */
  older: number;
  pass: Pass["name"];
}

export interface TrackOptions {
  /** Renames between the two analyses (PR files' `previous_filename`, `git diff -M`). */
  olderPath?: OlderPath;
  nearLines?: number;
}

export function track(
  newer: readonly Trackable[],
  older: readonly Trackable[],
  options: TrackOptions = {},
): (TrackMatch | null)[] {
  const olderPath = options.olderPath ?? ((path: string) => path);
  const matches: (TrackMatch | null)[] = newer.map(() => null);
  const usedOlder = new Set<number>();
  const groups = new Map<string, { newer: number[]; older: number[] }>();
  const groupOf = (item: Trackable) => {
    const key = groupKey(item);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { newer: [], older: [] }));
    return group;
  };
  newer.forEach((item, i) => groupOf(item).newer.push(i));
  older.forEach((item, i) => groupOf(item).older.push(i));

  const repeatedNewer = repeatedWindows(newer);
  const repeatedOlder = repeatedWindows(older);
  for (const pass of PASSES) {
    const nearby = pass.name === "nearby";
    const strict = pass.name === "fingerprint";
    // Shifts are measured on what the stricter passes matched, so they are reliable.
    const shift = strict ? () => 0 : lineShifts(newer, older, matches, olderPath);
    for (const group of groups.values()) {
      const newerByKey = bucket(group.newer, (i) => {
        const item = newer[i];
        if (item === undefined || matches[i] !== null) return null;
        return strict && repeatedNewer.has(windowId(item)) ? null : pass.newer(item, olderPath);
      });
      const olderByKey = bucket(group.older, (i) => {
        const item = older[i];
        if (item === undefined || usedOlder.has(i)) return null;
        return strict && repeatedOlder.has(windowId(item)) ? null : pass.older(item);
      });
      for (const [key, newerIndexes] of newerByKey) {
        const olderIndexes = olderByKey.get(key);
        if (olderIndexes === undefined) continue;
        const n: Located[] = newerIndexes.map((index) => ({
          index,
          line: newer[index]?.line ?? 0,
        }));
        const o: Located[] = olderIndexes.map((index) => {
          const item = older[index];
          return {
            index,
            line: (item?.line ?? 0) + (item === undefined ? 0 : shift(item.path, item.line)),
          };
        });
        for (const [ni, oi] of pairUp(
          n,
          o,
          nearby ? (options.nearLines ?? NEAR_LINES) : Infinity,
        )) {
          matches[ni] = { older: oi, pass: pass.name };
          usedOlder.add(oi);
        }
      }
    }
  }
  return matches;
}

/**
 * A line hash's `:n` count numbers equal windows in file order, so once a copy of such a line
 * appears or goes above another, equal fingerprints name different findings. Findings whose
 * window repeats in their file and rule are left to the window pass, which pairs them in order.
 */
function repeatedWindows(items: readonly Trackable[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of items) {
    if (item.window === "") continue;
    const id = windowId(item);
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return repeated;
}

function windowId(item: Trackable): string {
  return `${groupKey(item)}\0${item.path}\0${item.window}`;
}

function bucket(
  indexes: readonly number[],
  key: (i: number) => string | null,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const i of indexes) {
    const k = key(i);
    if (k === null) continue;
    const list = out.get(k);
    if (list === undefined) out.set(k, [i]);
    else list.push(i);
  }
  return out;
}
