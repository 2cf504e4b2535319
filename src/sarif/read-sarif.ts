/**
 * Bytes → validated SARIF log. Never throws on hostile input: whatever is wrong with the file
 * becomes a note naming it.
 */
import type { Note } from "../findings/finding.js";
import { describeViolations, isFatalViolation } from "./classify-violations.js";
import { exceedsValueDepth, MAX_JSON_DEPTH } from "./json-depth.js";
import type { SarifLog, SarifReadResult } from "./sarif-log.js";
import { validateSarifSchema } from "./schema-validator.js";
import { MAX_SHORT_TEXT_LENGTH, truncateText } from "./truncate-text.js";

const BYTE_ORDER_MARK = "\uFEFF";

function decode(bytes: Uint8Array | string): string {
  // TextDecoder drops a UTF-8 byte order mark (.NET tools write one); JSON.parse would reject it.
  const text = typeof bytes === "string" ? bytes : new TextDecoder("utf-8").decode(bytes);
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

function failure(source: string, message: string): SarifReadResult {
  return { ok: false, notes: [{ level: "error", source, message }] };
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return truncateText(message, MAX_SHORT_TEXT_LENGTH);
}

export function readSarif(bytes: Uint8Array | string, source: string): SarifReadResult {
  const text = decode(bytes);
  let parsed: unknown;
  try {
    // V8 parses JSON without recursion, so depth is checked on the value, not by scanning text.
    parsed = JSON.parse(text);
  } catch (error) {
    return failure(source, `not valid JSON: ${errorMessage(error)}`);
  }
  if (exceedsValueDepth(parsed)) {
    return failure(source, `not read: JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let check: ReturnType<typeof validateSarifSchema>;
  try {
    check = validateSarifSchema(parsed);
  } catch (error) {
    return failure(source, `could not be validated as SARIF 2.1.0: ${errorMessage(error)}`);
  }
  const { violations, complete } = check;
  const fatal = violations.filter(isFatalViolation);
  if (fatal.length > 0) {
    return failure(source, `not valid SARIF 2.1.0: ${describeViolations(fatal)}`);
  }
  const warnings: Note[] =
    violations.length === 0
      ? []
      : [
          {
            level: "warning",
            source,
            message:
              `${violations.length}${complete ? "" : "+"} SARIF schema violation(s) that do not ` +
              `prevent reading: ${describeViolations(violations, complete)}`,
          },
        ];
  // The fatal checks above guarantee what SarifLog's consumers walk; the rest is read defensively.
  return { ok: true, log: parsed as SarifLog, warnings };
}
