import type { Finding, Region } from "../findings/finding.js";
import { hasHiddenCharacters } from "./untrusted-chars.js";

/** Longer than a reviewer can check before clicking "Commit suggestion". */
const MAX_SUGGESTION_CHARS = 10_000;

/**
 * The deleted lines, `start`..`end`. Without columns a SARIF region is the lines' content without
 * the last line break (`breaks: false`); column 1 to column 1 of a later line takes the line
 * breaks too (`breaks: true`).
 */
type WholeLines = { start: number; end: number; breaks: boolean };

/**
 * The text of a ```suggestion block for a comment on `range` (`startLine` absent: single line),
 * or undefined. Only when the finding has exactly one fix with exactly one replacement in its own
 * file, deleting exactly the commented lines, whole: anything else (partial lines, other lines)
 * would need the file's text to build, and a wrong suggestion is one click from being committed.
 */
export function suggestionFor(
  finding: Finding,
  range: { startLine?: number | undefined; line: number },
): string | undefined {
  const fix = finding.fixes.length === 1 ? finding.fixes[0] : undefined;
  const replacement = fix?.replacements.length === 1 ? fix.replacements[0] : undefined;
  if (replacement === undefined || replacement.path !== finding.location.path) return undefined;
  const lines = wholeLines(replacement.deleted);
  if (
    lines === null ||
    lines.start !== (range.startLine ?? range.line) ||
    lines.end !== range.line
  ) {
    return undefined;
  }
  const inserted = replacement.inserted;
  // Hidden characters in one-click code are how "Trojan Source" gets committed.
  if (inserted.length > MAX_SUGGESTION_CHARS || hasHiddenCharacters(inserted)) return undefined;
  const endsWithBreak = /\r?\n$/.test(inserted);
  if (!lines.breaks) return endsWithBreak ? undefined : inserted;
  if (inserted === "") return "";
  // Without a final break the next line would be joined onto the inserted text.
  return endsWithBreak ? inserted.replace(/\r?\n$/, "") : undefined;
}

function wholeLines(region: Region): WholeLines | null {
  const { startLine, endLine, startColumn, endColumn } = region;
  if (startColumn !== undefined && startColumn !== 1) return null;
  if (endColumn === undefined) return { start: startLine, end: endLine, breaks: false };
  if (endColumn === 1 && endLine > startLine) {
    return { start: startLine, end: endLine - 1, breaks: true };
  }
  return null;
}
