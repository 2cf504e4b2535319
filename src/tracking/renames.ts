import type { DiffMap } from "../diff/diff-map.js";

/** What a rename looks like in the PR files endpoint and in `git diff -M` (src/cli/git-diff.ts). */
export interface RenamedFile {
  filename: string;
  previous_filename?: string | undefined;
  status?: string | undefined;
}

/** New path → the path the file had before; a path that was not renamed maps to itself. */
export function olderPathOf(files: readonly RenamedFile[]): (path: string) => string {
  const renamed = new Map<string, string>();
  for (const file of files) {
    // A copy leaves the original in place: its findings belong to the original's path.
    if (file.status === "copied") continue;
    if (file.previous_filename !== undefined && file.previous_filename !== file.filename) {
      renamed.set(file.filename, file.previous_filename);
    }
  }
  return (path) => renamed.get(path) ?? path;
}

/** The same from a diff map (its files keep `previousPath` and `status`). */
export function olderPathInDiff(diff: DiffMap | null): (path: string) => string {
  if (diff === null) return (path) => path;
  return olderPathOf(
    [...diff.values()].map((file) => ({
      filename: file.path,
      previous_filename: file.previousPath,
      status: file.status,
    })),
  );
}
