import type { DiffMap } from "../diff/diff-map.js";
import type { Finding } from "../findings/finding.js";
import { fillTrackKeys } from "../fingerprint/fill-track-keys.js";
import type { ContentFetcher } from "../fingerprint/file-line-hashes.js";
import { adoptIdentities } from "../tracking/adopt-identities.js";
import { onAddedLineIn } from "../tracking/added-lines.js";
import { trackableOfEntry, type StoredEntry } from "../tracking/baseline-trackable.js";
import { olderPathInDiff } from "../tracking/renames.js";
import { trackableOf } from "../tracking/trackable.js";
import { unmatchedByFingerprint } from "../tracking/unmatched.js";

/** An earlier analysis of the same pull request (or branch), and its commit's files. */
export interface EarlierAnalysis {
  findings: Finding[];
  content: ContentFetcher;
}

export interface TrackInput {
  findings: Finding[];
  content: ContentFetcher;
  /** The pull request's diff (renames, added lines); null for a push. */
  diff: DiffMap | null;
  /** Newest first: whose identities the PR's comments and suppressions carry. */
  earlier: EarlierAnalysis[];
  /** The base branch's open baseline entries. */
  baseline: readonly StoredEntry[];
}

/**
 * Identity step (design.md Part 2 "Identity"): each finding tracked to one of the PR's earlier
 * analyses or of the base's baseline takes its fingerprint and `GR-` id. Earlier analyses come
 * first: their identities are what the PR's threads and suppressions name. Flagged lines are
 * read only for findings that equal fingerprints leave unmatched, on either side.
 */
export async function trackIdentities(input: TrackInput): Promise<Finding[]> {
  if (input.earlier.length === 0 && input.baseline.length === 0) return input.findings;
  const seen = new Set<string>();
  const firstOf = (fingerprint: string) => !seen.has(fingerprint) && Boolean(seen.add(fingerprint));
  const earlier = input.earlier.map((a) => ({
    ...a,
    findings: a.findings.filter((f) => firstOf(f.fingerprint)),
  }));
  const baseline = input.baseline.filter((e) => firstOf(e.fingerprint));

  const older = () => [
    ...earlier.flatMap((a) => a.findings.map(trackableOf)),
    ...baseline.map(trackableOfEntry),
  ];
  const need = unmatchedByFingerprint(input.findings.map(trackableOf), older());
  const findings = await fillTrackKeys(input.findings, need.newer, input.content);
  let offset = 0;
  for (const analysis of earlier) {
    const own = new Set<number>();
    for (const i of need.older)
      if (i >= offset && i < offset + analysis.findings.length) own.add(i - offset);
    offset += analysis.findings.length;
    analysis.findings = await fillTrackKeys(analysis.findings, own, analysis.content);
  }
  return adoptIdentities(findings, older(), {
    olderPath: olderPathInDiff(input.diff),
    onAddedLine: onAddedLineIn(input.diff),
  }).findings;
}
