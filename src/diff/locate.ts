import type { Location } from "../findings/finding.js";
import type { DiffMap, DiffPosition, FileDiff } from "./diff-map.js";

/** Which lines may carry an inline comment (`comment_on`; "none" is the caller's to handle). */
export type CommentOn = "added" | "diff_context";

/** The new-file lines of an inline review comment (`line`, and `start_line` when multi-line). */
export interface CommentRange {
  line: number;
  startLine?: number;
}

/** Where a finding's start line sits relative to the pull request's diff. */
export function positionOf(location: Location, diff: DiffMap): DiffPosition {
  const file = diff.get(location.path);
  if (file === undefined) return "outside";
  if (location.region === undefined) return "changed-file";
  const line = location.region.startLine;
  if (file.added.has(line)) return "added";
  if (file.context.has(line)) return "context";
  return "changed-file";
}

/**
 * The range an inline comment may cover, or null when the finding cannot be commented inline.
 * GitHub 422s a multi-line comment whose lines are in different hunks, and one whose
 * `start_line` equals `line`, so the range is clipped to the start line's hunk and `startLine`
 * is only set when it is below `line`.
 */
export function commentRange(
  location: Location,
  file: FileDiff,
  commentOn: CommentOn,
): CommentRange | null {
  const region = location.region;
  if (!file.hasPatch || region === undefined) return null;
  const commentable = (line: number): boolean =>
    file.added.has(line) || (commentOn === "diff_context" && file.context.has(line));
  const start = region.startLine;
  if (!commentable(start)) return null;
  const hunk = file.hunks.find((h) => h.start <= start && start <= h.end);
  const last = Math.min(Math.max(region.endLine, start), hunk?.end ?? start);
  let line = last;
  while (line > start && !commentable(line)) line -= 1;
  return line > start ? { line, startLine: start } : { line: start };
}
