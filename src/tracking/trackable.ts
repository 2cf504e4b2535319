import type { Finding } from "../findings/finding.js";
import { messageKey } from "../fingerprint/track-keys.js";

/**
 * One side of a match: a finding of an analysis, or a baseline entry. Strings are "" when
 * unknown; a file-level finding has line 0.
 */
export interface Trackable {
  tool: string;
  ruleId: string;
  path: string;
  line: number;
  fingerprint: string;
  /** See TrackKeys in src/findings/finding.ts. */
  window: string;
  snippet: string;
  /** messageKey() of the message. */
  message: string;
}

export function trackableOf(finding: Finding): Trackable {
  return {
    tool: finding.tool.name,
    ruleId: finding.rule.id,
    path: finding.location.path,
    line: finding.location.region?.startLine ?? 0,
    fingerprint: finding.fingerprint,
    window: finding.track?.window ?? "",
    snippet: finding.track?.snippet ?? "",
    message: messageKey(finding.message),
  };
}

/** Matching never crosses tools or rules; tool names differ in case across scanner versions. */
export function groupKey(item: Pick<Trackable, "tool" | "ruleId">): string {
  return `${item.tool.trim().toLowerCase()}\0${item.ruleId}`;
}
