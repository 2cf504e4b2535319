/** A suppression recorded from the pull request (or imported), as the store keeps it. */

export const SUPPRESSION_REASONS = [
  "false-positive",
  "accepted-risk",
  "wont-fix",
  "used-in-tests",
  "other",
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/**
 * - finding: one finding, by fingerprint
 * - rule: every finding of `tool` + `ruleId` in the repository
 * - path: every finding of `tool` + `ruleId` whose path matches `pathGlob`
 */
export type SuppressionScope =
  | { kind: "finding"; fingerprint: string }
  | { kind: "rule"; tool: string; ruleId: string }
  | { kind: "path"; tool: string; ruleId: string; pathGlob: string };

/**
 * `requested`: awaits an approver (it does not apply yet); `active`: applies (approved, or never
 * needed approval); `denied`: an approver refused the request; `lifted` and `expired` ended it.
 */
export type SuppressionStatus = "requested" | "active" | "denied" | "lifted" | "expired";

/** An approver's decision on a requested suppression. */
export interface SuppressionDecision {
  by: string;
  at: Date;
  /** The approval note or the reason for a denial. */
  note: string | null;
}

export interface Suppression {
  id: number;
  /** `owner/name`, lower-cased. */
  repo: string;
  scope: SuppressionScope;
  reason: SuppressionReason;
  justification: string;
  author: string;
  createdAt: Date;
  expiresAt: Date | null;
  /** URL of the comment it came from, or where it was imported from. */
  source: string | null;
  status: SuppressionStatus;
  /** The finding id (GR-…) the command named, for display. */
  findingId: string | null;
  /** Set once an approver approved or denied the request; absent when none was needed. */
  decision?: SuppressionDecision;
}
