import type { DiffMap, FileDiff } from "./diff-map.js";
import { parsePatch } from "./parse-patch.js";

/** The fields Guardrail reads from an item of the REST "list pull request files" response. */
export interface PullRequestFile {
  filename: string;
  previous_filename?: string;
  status: string;
  /** Absent for binary files and for diffs GitHub considers too large. */
  patch?: string;
}

const KNOWN_STATUSES: ReadonlySet<string> = new Set<FileDiff["status"]>([
  "added",
  "removed",
  "modified",
  "renamed",
  "copied",
  "changed",
  "unchanged",
]);

/** Keyed by new path, so renamed files are found under the path the findings use. */
export function buildDiffMap(files: readonly PullRequestFile[]): DiffMap {
  const map: DiffMap = new Map();
  for (const file of files) map.set(file.filename, toFileDiff(file));
  return map;
}

function toFileDiff(file: PullRequestFile): FileDiff {
  const status = toStatus(file.status);
  const hasPatch = file.patch !== undefined;
  // A removed file has no new-file lines: nothing there can be commented on.
  const parsed =
    hasPatch && status !== "removed"
      ? parsePatch(file.patch ?? "")
      : { added: new Set<number>(), context: new Set<number>(), hunks: [] };
  const diff: FileDiff = { path: file.filename, status, hasPatch, ...parsed };
  if (file.previous_filename !== undefined) diff.previousPath = file.previous_filename;
  return diff;
}

function toStatus(status: string): FileDiff["status"] {
  // GitHub may add statuses; an unknown one is still a change to the file.
  return KNOWN_STATUSES.has(status) ? (status as FileDiff["status"]) : "changed";
}
