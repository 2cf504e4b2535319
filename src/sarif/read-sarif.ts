/**
 * Bytes → validated SARIF log. Never throws on hostile input: whatever is wrong with the file
 * becomes a note naming it. (The pipeline streams instead: read-sarif-stream.ts.)
 */
import { exceedsValueDepth, MAX_JSON_DEPTH } from "./json-depth.js";
import type { SarifLog, SarifReadResult } from "./sarif-log.js";
import { validateSarifSchema } from "./schema-validator.js";
import { errorMessage, readFailure, schemaVerdict } from "./schema-verdict.js";

const BYTE_ORDER_MARK = "\uFEFF";

function decode(bytes: Uint8Array | string): string {
  // TextDecoder drops a UTF-8 byte order mark (.NET tools write one); JSON.parse would reject it.
  const text = typeof bytes === "string" ? bytes : new TextDecoder("utf-8").decode(bytes);
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

export function readSarif(bytes: Uint8Array | string, source: string): SarifReadResult {
  const text = decode(bytes);
  let parsed: unknown;
  try {
    // V8 parses JSON without recursion, so depth is checked on the value, not by scanning text.
    parsed = JSON.parse(text);
  } catch (error) {
    return readFailure(source, `not valid JSON: ${errorMessage(error)}`);
  }
  if (exceedsValueDepth(parsed)) {
    return readFailure(source, `not read: JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let verdict: ReturnType<typeof schemaVerdict>;
  try {
    verdict = schemaVerdict(validateSarifSchema(parsed), source);
  } catch (error) {
    return readFailure(source, `could not be validated as SARIF 2.1.0: ${errorMessage(error)}`);
  }
  if (!verdict.ok) return verdict;
  // The fatal checks above guarantee what SarifLog's consumers walk; the rest is read defensively.
  return { ok: true, log: parsed as SarifLog, warnings: verdict.warnings };
}
