/** Which lines of each file a pull request touches, from the PR files endpoint's `patch` hunks. */

export interface Hunk {
  /** New-file line range covered by the hunk (1-based, inclusive). */
  start: number;
  end: number;
}

export interface FileDiff {
  /** New path (renamed files keep their new path). */
  path: string;
  previousPath?: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  /** False when GitHub sent no `patch` (binary, too large): no line is commentable. */
  hasPatch: boolean;
  /** New-file lines that the PR adds (`+`). */
  added: Set<number>;
  /** New-file lines shown as context (` `) in a hunk. */
  context: Set<number>;
  hunks: Hunk[];
}

/** Keyed by new path. */
export type DiffMap = Map<string, FileDiff>;

/**
 * Where a finding sits relative to the diff (reviewdog's idea: annotate, don't drop).
 * - added: its start line is a `+` line
 * - context: its start line is a context line of a hunk
 * - changed-file: in a file the PR changes, but on no line of a hunk (or the file has no patch)
 * - outside: in a file the PR does not change
 */
export type DiffPosition = "added" | "context" | "changed-file" | "outside";
