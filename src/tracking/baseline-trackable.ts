import type { Finding } from "../findings/finding.js";
import { messageKey } from "../fingerprint/track-keys.js";
import type { Trackable } from "./trackable.js";

/** A baseline entry as the store keeps it (src/store/baseline-entries.ts), structurally. */
export interface StoredEntry {
  tool: string;
  fingerprint: string;
  ruleId: string;
  path: string;
  line: number;
  snippetHash: string;
  windowHash: string;
  messageHash: string;
}

export function trackableOfEntry(entry: StoredEntry): Trackable {
  return {
    tool: entry.tool,
    ruleId: entry.ruleId,
    path: entry.path,
    line: entry.line,
    fingerprint: entry.fingerprint,
    window: entry.windowHash,
    snippet: entry.snippetHash,
    message: entry.messageHash,
  };
}

/** What a baseline entry keeps of a finding for later tracking. */
export function baselineLocationOf(finding: Finding): Omit<StoredEntry, "tool" | "fingerprint"> {
  return {
    ruleId: finding.rule.id,
    path: finding.location.path,
    line: finding.location.region?.startLine ?? 0,
    snippetHash: finding.track?.snippet ?? "",
    windowHash: finding.track?.window ?? "",
    messageHash: messageKey(finding.message),
  };
}
