import type { NotifyEventKind } from "../config/schema.js";
import type { Severity } from "../findings/finding.js";

export type { NotifyEventKind };

/** A link Guardrail built (PR, file at a commit, check run); the label may be untrusted. */
export interface NotifyLink {
  url: string;
  label: string;
}

/**
 * One thing worth a chat message, about one finding or suppression. Every string but `kind`
 * and `repo` may come from SARIF or a comment: renderers escape them for their format.
 */
export interface NotifyEvent {
  kind: NotifyEventKind;
  /** `owner/name`. */
  repo: string;
  /** What makes this event itself: a fingerprint (+ PR), a suppression id. */
  subject: string;
  /** Absent when no single finding's severity applies (a rule-wide suppression). */
  severity?: Severity;
  tool?: string;
  rule?: string;
  /** The `GR-` id. */
  findingId?: string;
  message: string;
  /** Where: PR, branch, who asked (untrusted). */
  context?: string;
  links: NotifyLink[];
}

/** One message per event and finding: the same event about the same subject is never sent twice. */
export function eventKey(event: Pick<NotifyEvent, "kind" | "repo" | "subject">): string {
  return `${event.kind}:${event.repo.toLowerCase()}:${event.subject}`;
}

export const EVENT_TITLES: Record<NotifyEventKind, string> = {
  escape: "Landed on the default branch unresolved",
  gate_failure: "Gate failed",
  suppression_request: "Suppression awaits approval",
  suppression_approved: "Suppression approved",
  expiring: "Suppression expires soon",
};
