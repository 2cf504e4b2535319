import type { OlderPath } from "./passes.js";
import type { TrackMatch } from "./track.js";
import type { Trackable } from "./trackable.js";

/**
 * How far lines of the older analysis have moved, estimated per older file from the matches made
 * so far: a line moves by what was inserted or deleted above it, so its shift is that of the
 * nearest matched finding at or above it (0 when none is: nothing known moved the file's top).
 */
export function lineShifts(
  newer: readonly Trackable[],
  older: readonly Trackable[],
  matches: readonly (TrackMatch | null)[],
  olderPath: OlderPath,
): (path: string, line: number) => number {
  const byPath = new Map<string, { line: number; delta: number }[]>();
  matches.forEach((match, i) => {
    const a = newer[i];
    const b = match === null ? undefined : older[match.older];
    if (a === undefined || b === undefined || a.line === 0 || b.line === 0) return;
    if (olderPath(a.path) !== b.path) return;
    const list = byPath.get(b.path) ?? [];
    list.push({ line: b.line, delta: a.line - b.line });
    byPath.set(b.path, list);
  });
  for (const list of byPath.values()) list.sort((x, y) => x.line - y.line);
  return (path, line) => {
    const list = byPath.get(path);
    if (list === undefined) return 0;
    // The last entry at or above `line`.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid]?.line ?? 0) <= line) lo = mid + 1;
      else hi = mid;
    }
    return list[lo - 1]?.delta ?? 0;
  };
}
