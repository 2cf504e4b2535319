/**
 * The tracker (design.md Part 2 "Identity"): which finding of an older analysis each finding of
 * a newer one is, in passes from strictest to loosest, never across tools or rules. Each older
 * finding is used at most once, so a duplicated block yields one tracked finding and one new one.
 * Pure.
 */
import { lineShifts } from "./line-shifts.js";
import { pairUp, type Located } from "./pair-up.js";
import { NEAR_LINES, PASSES, type OlderPath, type Pass } from "./passes.js";
import { repeatedWindows, windowId } from "./repeated-windows.js";
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
  /**
   * Whether a newer finding's line is one the pull request added. Findings on lines it did not
   * add are matched first, through every pass: that code was there before, so it has the first
   * claim on the older identities, and a pasted copy of it cannot take its identity away.
   */
  onAddedLine?: (item: Trackable) => boolean;
}

interface State {
  newer: readonly Trackable[];
  older: readonly Trackable[];
  olderPath: OlderPath;
  nearLines: number;
  matches: (TrackMatch | null)[];
  usedOlder: Set<number>;
  /** By tool + rule: matching never crosses them. */
  groups: Map<string, { newer: number[]; older: number[] }>;
  repeated: { newer: Set<string>; older: Set<string> };
}

export function track(
  newer: readonly Trackable[],
  older: readonly Trackable[],
  options: TrackOptions = {},
): (TrackMatch | null)[] {
  const groups = new Map<string, { newer: number[]; older: number[] }>();
  const groupOf = (item: Trackable) => {
    const key = groupKey(item);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { newer: [], older: [] }));
    return group;
  };
  newer.forEach((item, i) => groupOf(item).newer.push(i));
  older.forEach((item, i) => groupOf(item).older.push(i));
  const state: State = {
    newer,
    older,
    olderPath: options.olderPath ?? ((path) => path),
    nearLines: options.nearLines ?? NEAR_LINES,
    matches: newer.map(() => null),
    usedOlder: new Set(),
    groups,
    repeated: { newer: repeatedWindows(newer), older: repeatedWindows(older) },
  };
  const added = options.onAddedLine ?? (() => false);
  for (const round of [false, true]) {
    for (const pass of PASSES) runPass(state, pass, (item) => added(item) === round);
  }
  return state.matches;
}

function runPass(state: State, pass: Pass, inRound: (item: Trackable) => boolean): void {
  const { newer, older, matches, usedOlder, olderPath } = state;
  const strict = pass.name === "fingerprint";
  // Shifts are measured on what the stricter passes matched, so they are reliable.
  const shift = strict ? () => 0 : lineShifts(newer, older, matches, olderPath);
  for (const group of state.groups.values()) {
    const newerByKey = bucket(group.newer, (i) => {
      const item = newer[i];
      if (item === undefined || matches[i] !== null || !inRound(item)) return null;
      return strict && state.repeated.newer.has(windowId(item))
        ? null
        : pass.newer(item, olderPath);
    });
    const olderByKey = bucket(group.older, (i) => {
      const item = older[i];
      if (item === undefined || usedOlder.has(i)) return null;
      return strict && state.repeated.older.has(windowId(item)) ? null : pass.older(item);
    });
    for (const [key, newerIndexes] of newerByKey) {
      const olderIndexes = olderByKey.get(key);
      if (olderIndexes === undefined) continue;
      const n: Located[] = newerIndexes.map((index) => ({ index, line: newer[index]?.line ?? 0 }));
      const o: Located[] = olderIndexes.map((index) => {
        const line = older[index]?.line ?? 0;
        return { index, line: line + shift(older[index]?.path ?? "", line) };
      });
      const limit = pass.name === "nearby" ? state.nearLines : Infinity;
      for (const [ni, oi] of pairUp(n, o, limit)) {
        matches[ni] = { older: oi, pass: pass.name };
        usedOlder.add(oi);
      }
    }
  }
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
