import type { RawFinding } from "../findings/finding.js";

/**
 * The location part of a finding's identity, namespaced by where it came from so that values of
 * different kinds can never be equal. A tool-supplied and a computed `primaryLocationLineHash`
 * share a namespace on purpose: they are the same algorithm.
 */
export interface IdentityHash {
  hash: string;
  /** Set when the line hash could not be computed and the message text stood in for it. */
  fallback?: "unreadable" | "beyond-end";
}

/** Whether Guardrail must read the finding's file to identify it. */
export function needsContent(raw: RawFinding): boolean {
  const { identity, location } = raw;
  return (
    identity.toolFingerprint === undefined &&
    identity.primaryLocationLineHash === undefined &&
    location.region !== undefined
  );
}

/**
 * `lineHashes` is the file's line hashes (null: unavailable); only consulted when
 * `needsContent(raw)`.
 */
export function identityHash(raw: RawFinding, lineHashes: readonly string[] | null): IdentityHash {
  const { identity, location } = raw;
  if (identity.toolFingerprint !== undefined) return { hash: `tool:${identity.toolFingerprint}` };
  if (identity.primaryLocationLineHash !== undefined) {
    return { hash: `plh:${identity.primaryLocationLineHash}` };
  }
  // File-level: the path and rule are already in the fingerprint, so the hash adds nothing.
  if (location.region === undefined) return { hash: "file" };
  if (lineHashes === null) return { hash: messageHash(raw.message), fallback: "unreadable" };
  const lineHash = lineHashes[location.region.startLine - 1];
  if (lineHash === undefined) return { hash: messageHash(raw.message), fallback: "beyond-end" };
  return { hash: `plh:${lineHash}` };
}

/** Whitespace-insensitive, so reflowed messages keep their identity. */
function messageHash(message: string): string {
  return `msg:${message.trim().replace(/\s+/g, " ")}`;
}
