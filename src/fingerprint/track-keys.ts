import { hash } from "node:crypto";
import type { RawFinding, TrackKeys } from "../findings/finding.js";

/** Hex characters kept of a snippet's SHA-256: ample against collisions within one rule and file. */
const SNIPPET_HASH_LENGTH = 16;

/** The file as read at the analysed commit: texts and line hashes, index 0 is line 1. */
export interface FileLines {
  texts: readonly string[];
  hashes: readonly string[];
}

/**
 * The flagged line with whitespace collapsed and hashed, so re-indenting, CRLF and edits to the
 * lines around it leave it equal; a blank line identifies nothing and yields "".
 */
export function snippetHash(lineText: string): string {
  const normalised = lineText.trim().replace(/\s+/g, " ");
  if (normalised === "") return "";
  return hash("sha256", normalised, "hex").slice(0, SNIPPET_HASH_LENGTH);
}

/** `primaryLocationLineHash` without its `:n` count: that count changes when an equal window appears above. */
export function windowOf(lineHash: string): string {
  return lineHash.replace(/:\d+$/, "");
}

/** Whitespace-insensitive, like the message fallback of the fingerprint. */
export function messageKey(message: string): string {
  return hash("sha256", message.trim().replace(/\s+/g, " "), "hex").slice(0, SNIPPET_HASH_LENGTH);
}

/**
 * The finding's keys from its file (null: not read): the window of the computed line hash, else
 * of the tool's own `primaryLocationLineHash`.
 */
export function trackKeysOf(raw: RawFinding, file: FileLines | null): TrackKeys {
  const line = raw.location.region?.startLine;
  if (line === undefined) return { window: "", snippet: "" };
  const computed = file?.hashes[line - 1];
  const supplied = raw.identity.primaryLocationLineHash;
  const window = computed ?? supplied;
  const text = file?.texts[line - 1];
  return {
    window: window === undefined ? "" : windowOf(window),
    snippet: text === undefined ? "" : snippetHash(text),
  };
}
