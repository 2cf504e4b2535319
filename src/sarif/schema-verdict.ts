/** A file's schema check → refused (fatal violations) or read with warnings (harmless ones). */
import type { Note } from "../findings/finding.js";
import { MAX_SHORT_TEXT_LENGTH, truncateText } from "./truncate-text.js";
import { describeViolations, isFatalViolation } from "./classify-violations.js";
import type { SchemaCheck } from "./schema-validator.js";

export type SchemaVerdict = { ok: true; warnings: Note[] } | { ok: false; notes: Note[] };

export function readFailure(source: string, message: string): { ok: false; notes: Note[] } {
  return { ok: false, notes: [{ level: "error", source, message }] };
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return truncateText(message, MAX_SHORT_TEXT_LENGTH);
}

export function schemaVerdict(check: SchemaCheck, source: string): SchemaVerdict {
  const { violations, complete } = check;
  const fatal = violations.filter(isFatalViolation);
  if (fatal.length > 0) {
    return readFailure(source, `not valid SARIF 2.1.0: ${describeViolations(fatal)}`);
  }
  if (violations.length === 0) return { ok: true, warnings: [] };
  const message =
    `${violations.length}${complete ? "" : "+"} SARIF schema violation(s) that do not ` +
    `prevent reading: ${describeViolations(violations, complete)}`;
  return { ok: true, warnings: [{ level: "warning", source, message }] };
}
