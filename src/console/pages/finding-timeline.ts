import type { FindingHistory } from "../queries/finding-history.js";
import { pullUrl } from "../links.js";
import type { VisibleRepository } from "../repository-access.js";

export interface TimelineStep {
  at: number;
  what: string;
  detail?: string;
  href?: string;
  linkText?: string;
}

/** A finding's lifecycle as dated steps, oldest first: seen, reported, merged, suppressed, resolved. */
export function findingTimeline(history: FindingHistory, repo: VisibleRepository): TimelineStep[] {
  const f = history.finding;
  const pr =
    f.first_pr === null ? {} : { href: pullUrl(repo, f.first_pr), linkText: `#${f.first_pr}` };
  const steps: TimelineStep[] = [
    {
      at: f.first_seen_at,
      what: f.preexisting ? "First seen (pre-existing on the branch)" : "First seen",
      detail: describeRef(f.first_seen_ref),
      ...pr,
    },
  ];
  if (f.reported_at !== null)
    steps.push({ at: f.reported_at, what: "Reported in the pull request", ...pr });
  if (f.merged_at !== null) {
    steps.push({
      at: f.merged_at,
      what: f.escaped ? "Merged unresolved (escape)" : "On the default branch",
    });
  }
  for (const entry of history.audit) {
    steps.push({
      at: entry.at,
      what: `Suppression ${entry.action} by ${entry.actor}`,
      ...auditDetail(history, entry.suppression_id, entry.action),
      ...(entry.comment_url ? { href: entry.comment_url, linkText: "comment" } : {}),
    });
  }
  if (f.resolved_at !== null) {
    steps.push({
      at: f.resolved_at,
      what: `Resolved: ${f.resolution ?? "unknown"}`,
      ...(f.prevented ? { detail: "before merge (prevented)" } : {}),
    });
  }
  return steps.sort((a, b) => a.at - b.at);
}

function auditDetail(history: FindingHistory, id: number, action: string): { detail?: string } {
  const s = history.suppressions.find((x) => x.id === id);
  if (s === undefined) return {};
  if (action === "created" || action === "requested")
    return { detail: `${s.reason}: ${s.justification}` };
  if ((action === "approved" || action === "denied") && s.decision_note)
    return { detail: s.decision_note };
  return {};
}

/** The lifecycle writes `pr:<n>` or `branch:<name>`; people read "pull request #n". */
export function describeRef(ref: string): string {
  const pr = /^pr:(\d+)$/.exec(ref);
  if (pr) return `in pull request #${pr[1]}`;
  if (ref.startsWith("branch:")) return `on branch ${ref.slice("branch:".length)}`;
  return ref;
}
