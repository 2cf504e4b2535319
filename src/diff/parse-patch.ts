import type { Hunk } from "./diff-map.js";

export interface ParsedPatch {
  /** New-file lines the patch adds (`+`). */
  added: Set<number>;
  /** New-file lines shown unchanged (` `) inside a hunk. */
  context: Set<number>;
  /** One per hunk that shows at least one new-file line, in patch order. */
  hunks: Hunk[];
}

/**
 * `@@ -a[,b] +c[,d] @@ optional section`. A count left out means 1 (`@@ -1 +1 @@`), which is how
 * git writes one-line ranges.
 */
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

interface OpenHunk {
  start: number;
  /** Next new-file line number. */
  next: number;
  oldLeft: number;
  newLeft: number;
}

/**
 * Reads the `patch` of one file as the PR files endpoint returns it: hunks only, no `diff --git`
 * or `---`/`+++` headers (lines before the first hunk are skipped, so a full git diff also works).
 *
 * Edge cases:
 * - The header counts decide where a hunk ends, so a `+` line whose content starts with `++`
 *   (`+++x`) inside a hunk is an added line, never mistaken for a file header.
 * - New file `@@ -0,0 +1,3 @@`: every line is added. Deleted file `+0,0`: no new-file line, no hunk.
 * - Truncated patch (GitHub cuts large ones): a hunk shorter than its header says keeps the lines
 *   that are there; its range ends at the last line seen.
 * - CRLF: a trailing `\r` is dropped before the line is classified.
 * - An empty line inside a hunk is a context line whose lone space was stripped by some tool.
 * - `\ No newline at end of file` counts for neither side.
 */
export function parsePatch(patch: string): ParsedPatch {
  const result: ParsedPatch = { added: new Set(), context: new Set(), hunks: [] };
  let hunk: OpenHunk | null = null;
  for (const line of splitLines(patch)) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      closeHunk(hunk, result.hunks);
      const start = Number(header[3]);
      hunk = {
        start,
        next: start,
        oldLeft: countOf(header[2]),
        newLeft: countOf(header[4]),
      };
      continue;
    }
    if (hunk === null || (hunk.oldLeft <= 0 && hunk.newLeft <= 0)) continue;
    readHunkLine(line, hunk, result);
  }
  closeHunk(hunk, result.hunks);
  return result;
}

function readHunkLine(line: string, hunk: OpenHunk, result: ParsedPatch): void {
  const marker = line.charAt(0);
  if (marker === "+") {
    result.added.add(hunk.next);
    hunk.next += 1;
    hunk.newLeft -= 1;
  } else if (marker === "-") {
    hunk.oldLeft -= 1;
  } else if (marker === " " || line === "") {
    result.context.add(hunk.next);
    hunk.next += 1;
    hunk.newLeft -= 1;
    hunk.oldLeft -= 1;
  }
  // "\" (no newline at end of file) and anything unknown: no line on either side.
}

function closeHunk(hunk: OpenHunk | null, hunks: Hunk[]): void {
  if (hunk === null || hunk.next === hunk.start) return;
  hunks.push({ start: hunk.start, end: hunk.next - 1 });
}

function countOf(text: string | undefined): number {
  return text === undefined ? 1 : Number(text);
}

function splitLines(patch: string): string[] {
  if (patch === "") return [];
  const lines = patch.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  // A patch ending in "\n" would otherwise yield a phantom empty (context) line.
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
