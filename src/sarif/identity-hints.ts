/** What the tool says about a result's identity, before Guardrail computes a fingerprint. */
import type { Result } from "sarif";
import type { IdentityHints } from "../findings/finding.js";
import { asString, isRecord } from "./json-guards.js";
import { MAX_SHORT_TEXT_LENGTH } from "./truncate-text.js";

/** A fingerprint longer than this is not one; cutting it would merge distinct findings. */
const MAX_FINGERPRINT_LENGTH = MAX_SHORT_TEXT_LENGTH;

function usable(value: unknown): string | undefined {
  const text = asString(value);
  return text !== undefined && text.length > 0 && text.length <= MAX_FINGERPRINT_LENGTH
    ? text
    : undefined;
}

export function identityHints(result: Result): IdentityHints {
  const hints: IdentityHints = {};
  const fingerprints: unknown = result.fingerprints;
  if (isRecord(fingerprints)) {
    const key = Object.keys(fingerprints)
      .sort()
      .find(
        (name) => usable(fingerprints[name]) !== undefined && name.length <= MAX_FINGERPRINT_LENGTH,
      );
    if (key !== undefined) hints.toolFingerprint = `${key}/${String(fingerprints[key])}`;
  }
  const partial: unknown = result.partialFingerprints;
  const lineHash = isRecord(partial) ? usable(partial["primaryLocationLineHash"]) : undefined;
  if (lineHash !== undefined) hints.primaryLocationLineHash = lineHash;
  return hints;
}
