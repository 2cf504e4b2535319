import type { LifecycleChange, LifecycleFinding, LifecycleRecord } from "./lifecycle-record.js";
import { reopened, resolved, withSighting } from "./lifecycle-record.js";

export interface PullRequestAnalysis {
  repo: string;
  pr: number;
  at: number;
  /** Tools that ran: only their findings can be judged gone. */
  tools: string[];
  /** Every finding the analysis has, whatever its disposition. */
  findings: LifecycleFinding[];
  /** Of those, the fingerprints shown to the developer as new (the PR introduces them). */
  reported: ReadonlySet<string>;
}

export interface PullRequestTransition {
  changes: LifecycleChange[];
  /** Reported by this pull request earlier, gone now, never merged: stopped in review. */
  prevented: LifecycleRecord[];
}

/**
 * A pull-request run: its new findings are reported (first seen here when nobody saw them
 * before); findings it reported earlier that are gone now were fixed before merge.
 * `known` holds the stored records of `findings` and of every record whose `lastPr` is this PR.
 */
export function pullRequestTransition(
  run: PullRequestAnalysis,
  known: ReadonlyMap<string, LifecycleRecord>,
): PullRequestTransition {
  const changes: LifecycleChange[] = [];
  const present = new Set(run.findings.map((f) => f.fingerprint));
  for (const finding of run.findings) {
    if (!run.reported.has(finding.fingerprint)) continue;
    const before = known.get(finding.fingerprint) ?? null;
    changes.push({ before, after: reported(run, finding, before) });
  }
  const tools = new Set(run.tools);
  const prevented: LifecycleRecord[] = [];
  for (const before of known.values()) {
    const gone = !present.has(before.fingerprint) && tools.has(before.tool);
    if (!gone || before.lastPr !== run.pr || before.mergedAt !== null || before.resolvedAt !== null)
      continue;
    const after = { ...resolved(before, "fixed", run.at), prevented: true };
    changes.push({ before, after });
    prevented.push(after);
  }
  return { changes, prevented };
}

function reported(
  run: PullRequestAnalysis,
  finding: LifecycleFinding,
  before: LifecycleRecord | null,
): LifecycleRecord {
  if (before === null) {
    return {
      ...finding,
      repo: run.repo,
      firstSeenAt: run.at,
      firstSeenRef: `pr:${run.pr}`,
      firstPr: run.pr,
      reportedAt: run.at,
      mergedAt: null,
      preexisting: false,
      escaped: false,
      prevented: false,
      resolvedAt: null,
      resolution: null,
      lastPr: run.pr,
      lastSeenAt: run.at,
    };
  }
  // Back after being fixed in review: no longer prevented. A suppression still stands, and one
  // fixed on the default branch reopens only when it lands there again.
  const back =
    before.resolution === "fixed" && before.mergedAt === null
      ? { ...reopened(before), prevented: false }
      : before;
  return {
    ...withSighting(back, finding, run.at),
    reportedAt: before.reportedAt ?? run.at,
    lastPr: before.mergedAt === null ? run.pr : before.lastPr,
  };
}
