import type { Finding } from "../findings/finding.js";
import type { TriagedFinding } from "../triage/disposition.js";
import { blocks, type GatePolicy } from "../triage/gate.js";
import { fileLabel, fileLink } from "./links.js";
import type { NotifyEvent, NotifyLink } from "./notify-event.js";

interface Where {
  /** `owner/name`. */
  repo: string;
  repoUrl: string;
  sha: string;
}

function findingEvent(
  kind: "escape" | "gate_failure",
  where: Where,
  finding: Finding,
  extra: { subject: string; context: string; links: NotifyLink[] },
): NotifyEvent {
  return {
    kind,
    repo: where.repo,
    subject: extra.subject,
    severity: finding.severity,
    tool: finding.tool.name,
    rule: finding.rule.id,
    findingId: finding.id,
    message: finding.message,
    context: extra.context,
    links: [
      { url: fileLink(where.repoUrl, where.sha, finding), label: fileLabel(finding) },
      ...extra.links,
    ],
  };
}

/**
 * `escape`: findings that newly landed on the default branch at this push, unsuppressed. One per
 * finding and landing commit, so a re-run of the push never repeats it.
 */
export function escapeEvents(
  where: Where & { branch: string },
  findings: readonly Finding[],
  landed: ReadonlySet<string>,
  suppressed: ReadonlySet<string>,
): NotifyEvent[] {
  return findings
    .filter((f) => landed.has(f.fingerprint) && !suppressed.has(f.fingerprint))
    .map((f) =>
      findingEvent("escape", where, f, {
        subject: `${f.fingerprint}@${where.sha}`,
        context: `on ${where.branch} at ${where.sha.slice(0, 7)}`,
        links: [],
      }),
    );
}

/** A pull request's gate counts as protected when it targets the default or a release branch. */
export function isProtectedBase(base: string, defaultBranch: string): boolean {
  return base === defaultBranch || base.startsWith("release/");
}

/**
 * `gate_failure`: each finding that blocks a pull request into a protected branch, once per PR
 * (a re-run or a new push that still fails on it says nothing new). A failure with nothing
 * blocking (an unreadable artifact fails closed) is one event per analysed commit.
 */
export function gateFailureEvents(
  where: Where & { pr: { number: number; url: string; base: string }; checkUrl?: string },
  gate: { conclusion: string; reason: string },
  triaged: readonly TriagedFinding[],
  policy: Pick<GatePolicy, "fail_on">,
): NotifyEvent[] {
  if (gate.conclusion !== "failure") return [];
  const links: NotifyLink[] = [{ url: where.pr.url, label: `PR #${where.pr.number}` }];
  if (where.checkUrl) links.push({ url: where.checkUrl, label: "check run" });
  const context = `PR #${where.pr.number} into ${where.pr.base}`;
  const blocking = triaged.filter(
    (t) =>
      t.suppressedBy === null &&
      (t.verdict
        ? t.verdict.verdict === "block"
        : t.isNew && blocks(t.finding.severity, policy.fail_on)),
  );
  if (blocking.length === 0) {
    return [
      {
        kind: "gate_failure",
        repo: where.repo,
        subject: `pr${where.pr.number}:${where.sha}`,
        message: gate.reason,
        context,
        links,
      },
    ];
  }
  return blocking.map((t) =>
    findingEvent("gate_failure", where, t.finding, {
      subject: `pr${where.pr.number}:${t.finding.fingerprint}`,
      context,
      links,
    }),
  );
}
