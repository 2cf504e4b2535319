import type { Finding } from "../findings/finding.js";
import { lineHashesByPath, type ContentFetcher } from "./file-line-hashes.js";
import { trackKeysOf } from "./track-keys.js";

/** Whether the tracker still lacks the flagged line of this finding. */
export function lacksSnippet(finding: Finding): boolean {
  return finding.location.region !== undefined && (finding.track?.snippet ?? "") === "";
}

/**
 * Reads, once per file, what the tracker needs of the findings at `indexes` that lack it, from
 * the commit they were found at; the rest are returned as they were. Used lazily, so that a run
 * whose findings all keep their fingerprint reads no file for tracking.
 */
export async function fillTrackKeys(
  findings: readonly Finding[],
  indexes: ReadonlySet<number>,
  getContent: ContentFetcher,
): Promise<Finding[]> {
  const lastLines = new Map<string, number>();
  findings.forEach((finding, index) => {
    if (!indexes.has(index) || !lacksSnippet(finding)) return;
    const { path, region } = finding.location;
    lastLines.set(path, Math.max(region?.startLine ?? 1, lastLines.get(path) ?? 0));
  });
  if (lastLines.size === 0) return [...findings];
  const files = await lineHashesByPath(lastLines, getContent);
  return findings.map((finding, index) => {
    if (!indexes.has(index) || !lacksSnippet(finding)) return finding;
    const track = trackKeysOf(finding, files.get(finding.location.path) ?? null);
    return { ...finding, track };
  });
}
