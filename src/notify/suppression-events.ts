import type { Finding } from "../findings/finding.js";
import type { Suppression } from "../store/suppression.js";
import { fileLabel, fileLink } from "./links.js";
import type { NotifyEvent, NotifyLink } from "./notify-event.js";

export interface SuppressionNotice {
  kind: "suppression_request" | "suppression_approved";
  suppression: Suppression;
  /** The finding the command named, when known: its severity, rule and file go in the message. */
  finding?: Finding;
  /** Who asked (request) or approved (approval). */
  actor: string;
  /** For a file link: the repository's web URL and the analysed commit. */
  repoUrl?: string;
  sha?: string;
  /** The pull request the command was written in. */
  pullRequest?: { number: number; url: string };
}

/** One event per suppression and kind: a redelivered command never repeats it. */
export function suppressionEvent(notice: SuppressionNotice): NotifyEvent {
  const { suppression: s, finding } = notice;
  const links: NotifyLink[] = [];
  if (finding && notice.repoUrl && notice.sha) {
    links.push({ url: fileLink(notice.repoUrl, notice.sha, finding), label: fileLabel(finding) });
  }
  if (notice.pullRequest) {
    links.push({ url: notice.pullRequest.url, label: `PR #${notice.pullRequest.number}` });
  }
  if (s.source?.startsWith("https://")) links.push({ url: s.source, label: "comment" });
  const verb = notice.kind === "suppression_request" ? "requested by" : "approved by";
  const scope = s.scope.kind === "finding" ? "this finding" : `scope ${s.scope.kind}`;
  return {
    kind: notice.kind,
    repo: s.repo,
    subject: `suppression-${s.id}`,
    ...(finding ? { severity: finding.severity } : {}),
    ...ruleOf(s, finding),
    ...(s.findingId ? { findingId: s.findingId } : {}),
    message: `${s.reason}: ${s.justification}`,
    context: `${scope}, ${verb} ${notice.actor}`,
    links,
  };
}

/** `expiring`: once per suppression, whoever runs the check and however often. */
export function expiringEvent(s: Suppression): NotifyEvent {
  return {
    kind: "expiring",
    repo: s.repo,
    subject: `suppression-${s.id}`,
    ...ruleOf(s, undefined),
    ...(s.findingId ? { findingId: s.findingId } : {}),
    message: `${s.reason}: ${s.justification}`,
    context: `expires ${s.expiresAt?.toISOString().slice(0, 10) ?? "?"}, suppressed by ${s.author}`,
    links: s.source?.startsWith("https://") ? [{ url: s.source, label: "comment" }] : [],
  };
}

function ruleOf(s: Suppression, finding: Finding | undefined): { tool?: string; rule?: string } {
  if (finding) return { tool: finding.tool.name, rule: finding.rule.id };
  return s.scope.kind === "finding" ? {} : { tool: s.scope.tool, rule: s.scope.ruleId };
}
