import { hash } from "node:crypto";
import type { Finding, Note, RawFinding } from "../findings/finding.js";
import { uniqueFingerprints } from "./disambiguate.js";
import { lineHashesByPath, type ContentFetcher } from "./file-line-hashes.js";
import { identityHash, needsContent, type IdentityHash } from "./identity-hash.js";
import { trackKeysOf } from "./track-keys.js";

/** Leading characters of SHA-256 shown to people: short to type in a command, rarely colliding. */
const FINDING_ID_HEX_LENGTH = 8;
/** Bumped if the recipe below ever changes, so old and new fingerprints cannot be confused. */
const FINGERPRINT_VERSION = "v1";

export interface FingerprintParts {
  /** `tool.driver.name`; compared lower-cased, and its version is left out so upgrades keep identity. */
  tool: string;
  ruleId: string;
  /** Repository-relative path. */
  path: string;
  /** Location identity, see identity-hash.ts. */
  hash: string;
}

/** `GR-` + the first 8 hex characters of SHA-256 of the fingerprint (design.md). */
export function findingId(fingerprint: string): string {
  return `GR-${sha256(fingerprint).slice(0, FINDING_ID_HEX_LENGTH)}`;
}

/**
 * `v1:` + SHA-256 hex of the JSON array [tool, rule, path, hash]: JSON quoting keeps the parts
 * apart whatever characters untrusted SARIF puts in them. Fixed length whatever the inputs.
 */
export function fingerprintOf(parts: FingerprintParts): string {
  const input = JSON.stringify([
    parts.tool.trim().toLowerCase(),
    parts.ruleId,
    parts.path,
    parts.hash,
  ]);
  return `${FINGERPRINT_VERSION}:${sha256(input)}`;
}

/**
 * Gives every finding a stable fingerprint and id (design.md "Identity"): the tool's fingerprint,
 * else its `primaryLocationLineHash`, else that hash computed from the file content. Reads each
 * needed file once. Findings whose line cannot be hashed fall back to their message text, with
 * one warning per file.
 */
export async function fingerprintFindings(
  raw: RawFinding[],
  getContent: ContentFetcher,
  /** `all`: read every located finding's file, so each gets its snippet for tracking too. */
  read: "needed" | "all" = "needed",
): Promise<{ findings: Finding[]; notes: Note[] }> {
  const lastLines = new Map<string, number>();
  const located = (f: RawFinding) => f.location.region !== undefined;
  for (const { location } of raw.filter(read === "all" ? located : needsContent)) {
    const line = location.region?.startLine ?? 1;
    lastLines.set(location.path, Math.max(line, lastLines.get(location.path) ?? 0));
  }
  const hashesByPath = await lineHashesByPath(lastLines, getContent);
  const notes = new Map<string, Note>();
  const identified = raw.map((finding) => {
    const { path } = finding.location;
    const identity = identityHash(finding, hashesByPath.get(path)?.hashes ?? null);
    if (identity.fallback !== undefined && !notes.has(path)) {
      notes.set(path, fallbackNote(path, identity.fallback));
    }
    const parts = { tool: finding.tool.name, ruleId: finding.rule.id, path, hash: identity.hash };
    return {
      location: finding.location,
      message: finding.message,
      fingerprint: fingerprintOf(parts),
    };
  });
  // One new object per finding: at 100,000 findings every extra copy costs memory and GC time.
  const fingerprints = uniqueFingerprints(identified);
  const findings = raw.map((finding, index): Finding => {
    const fingerprint = fingerprints[index] ?? "";
    const track = trackKeysOf(finding, hashesByPath.get(finding.location.path) ?? null);
    return { ...finding, fingerprint, id: findingId(fingerprint), track };
  });
  return { findings, notes: [...notes.values()] };
}

function fallbackNote(path: string, reason: NonNullable<IdentityHash["fallback"]>): Note {
  const why =
    reason === "unreadable"
      ? "could not be read at the analysed commit"
      : "is shorter than the line a finding points at";
  return {
    level: "warning",
    source: path,
    message:
      `${path} ${why}, so its findings are identified by rule and message text instead of ` +
      "line content: a change to a message will make that finding look new.",
  };
}

function sha256(text: string): string {
  // One-shot hashing: several times cheaper than createHash() for short inputs.
  return hash("sha256", text, "hex");
}
