import type { DiffMap } from "../diff/diff-map.js";
import type { Trackable } from "./trackable.js";

/** For TrackOptions.onAddedLine: the finding's line is a `+` line of the pull request. */
export function onAddedLineIn(diff: DiffMap | null): (item: Trackable) => boolean {
  if (diff === null) return () => false;
  return (item) => item.line > 0 && (diff.get(item.path)?.added.has(item.line) ?? false);
}
