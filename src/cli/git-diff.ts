/**
 * `git diff` output → the PR files endpoint's shape, so the app's diff map applies unchanged.
 * Pure. Edge cases, as the endpoint has them:
 * - a binary file has no `patch` (so no line of it is commentable);
 * - a deleted file keeps its old path and status `removed`; an added one is `added`;
 * - a rename (or copy) has `previous_filename`, and a `patch` only if the content changed too;
 * - a mode-only change has no `patch`.
 */
import type { PullRequestFile } from "../diff/build-diff-map.js";
import { unquoteGitPath } from "./git-path.js";

const FILE_HEADER = /^diff --git /m;

export function splitGitDiff(diff: string): PullRequestFile[] {
  const starts: number[] = [];
  for (const match of diff.matchAll(new RegExp(FILE_HEADER.source, "gm"))) starts.push(match.index);
  return starts.map((start, i) => readFileSection(diff.slice(start, starts[i + 1] ?? diff.length)));
}

interface Header {
  status: string;
  from?: string | undefined;
  to?: string | undefined;
  minus?: string | undefined;
  plus?: string | undefined;
  binary?: string | undefined;
}

function readFileSection(section: string): PullRequestFile {
  const lines = section.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const firstHunk = lines.findIndex((line) => line.startsWith("@@ "));
  const header = readHeader(firstHunk === -1 ? lines : lines.slice(0, firstHunk));
  const filename =
    header.plus ??
    header.to ??
    (header.status === "removed" ? header.minus : undefined) ??
    header.binary ??
    header.minus ??
    fromDiffLine(lines[0] ?? "");
  const file: PullRequestFile = { filename, status: header.status };
  if (header.from !== undefined && header.from !== filename) file.previous_filename = header.from;
  if (firstHunk !== -1) file.patch = lines.slice(firstHunk).join("\n");
  return file;
}

function readHeader(lines: readonly string[]): Header {
  const header: Header = { status: "modified" };
  for (const line of lines) {
    const [key, value] = keyed(line);
    if (key === "new file mode") header.status = "added";
    else if (key === "deleted file mode") header.status = "removed";
    else if (key === "rename from" || key === "copy from") header.from = unquoteGitPath(value);
    else if (key === "rename to" || key === "copy to") {
      header.to = unquoteGitPath(value);
      header.status = key === "rename to" ? "renamed" : "copied";
    } else if (key === "---") header.minus = sidePath(value, "a/");
    else if (key === "+++") header.plus = sidePath(value, "b/");
    else if (key === "Binary files") header.binary = binaryPath(value);
  }
  return header;
}

const KEYS = [
  "new file mode",
  "deleted file mode",
  "rename from",
  "rename to",
  "copy from",
  "copy to",
  "---",
  "+++",
  "Binary files",
];

function keyed(line: string): [string, string] {
  const key = KEYS.find((candidate) => line.startsWith(`${candidate} `));
  return key === undefined ? ["", ""] : [key, line.slice(key.length + 1)];
}

/** `a/x` / `b/x` → `x`; `/dev/null` → undefined. Git ends a name containing a space with a tab. */
function sidePath(value: string, prefix: string): string | undefined {
  const name = unquoteGitPath(value.replace(/\t$/, ""));
  return name.startsWith(prefix) ? name.slice(prefix.length) : undefined;
}

/** `a/x and b/y differ` → `y` (or `x` when the new side is /dev/null). */
function binaryPath(value: string): string | undefined {
  const match = /^(.*) and (.*) differ$/.exec(value);
  if (match === null) return undefined;
  return sidePath(match[2] ?? "", "b/") ?? sidePath(match[1] ?? "", "a/");
}

/** `diff --git a/x b/x`: both halves are the same name when nothing says otherwise. */
function fromDiffLine(line: string): string {
  const rest = line.replace(FILE_HEADER, "");
  const half = (rest.length - 1) / 2;
  const right = rest.slice(half + 1);
  return unquoteGitPath(right).replace(/^b\//, "");
}
