import type { LifecycleChange, LifecycleFinding, LifecycleRecord } from "./lifecycle-record.js";
import { reopened, resolved, withSighting } from "./lifecycle-record.js";

export interface DefaultBranchAnalysis {
  repo: string;
  branch: string;
  at: number;
  /** Tools that ran: only their findings can be judged fixed. */
  tools: string[];
  /** Tools this is the branch's first baseline of: their findings predate Guardrail. */
  firstBaselineTools: ReadonlySet<string>;
  findings: LifecycleFinding[];
}

export interface DefaultBranchTransition {
  changes: LifecycleChange[];
  /** Merged now and not pre-existing, never reported or reported and merged unresolved. */
  escaped: LifecycleRecord[];
  /** Gone from the default branch. */
  fixed: LifecycleRecord[];
}

/**
 * A default-branch push: a finding's first sighting there merges it (and decides escape); one
 * that was open there and is gone now is fixed. `known` holds the stored records of `findings`
 * and every open record on the branch for these tools.
 */
export function defaultBranchTransition(
  run: DefaultBranchAnalysis,
  known: ReadonlyMap<string, LifecycleRecord>,
): DefaultBranchTransition {
  const changes: LifecycleChange[] = [];
  const escaped: LifecycleRecord[] = [];
  const present = new Set<string>();
  for (const finding of run.findings) {
    present.add(finding.fingerprint);
    const before = known.get(finding.fingerprint) ?? null;
    const after = sighted(run, finding, before);
    if (after.escaped && before?.escaped !== true) escaped.push(after);
    changes.push({ before, after });
  }
  const tools = new Set(run.tools);
  const fixed: LifecycleRecord[] = [];
  for (const before of known.values()) {
    if (present.has(before.fingerprint) || !tools.has(before.tool)) continue;
    if (before.mergedAt === null || before.resolvedAt !== null) continue;
    const after = resolved(before, "fixed", run.at);
    changes.push({ before, after });
    fixed.push(after);
  }
  return { changes, escaped, fixed };
}

function sighted(
  run: DefaultBranchAnalysis,
  finding: LifecycleFinding,
  before: LifecycleRecord | null,
): LifecycleRecord {
  const preexisting = run.firstBaselineTools.has(finding.tool);
  if (before === null) {
    return {
      ...finding,
      repo: run.repo,
      firstSeenAt: run.at,
      firstSeenRef: `branch:${run.branch}`,
      firstPr: null,
      reportedAt: null,
      mergedAt: run.at,
      preexisting,
      // Never shown in a pull request and not there before Guardrail: it got past review.
      escaped: !preexisting,
      prevented: false,
      resolvedAt: null,
      resolution: null,
      lastPr: null,
      lastSeenAt: run.at,
    };
  }
  const seen = withSighting(before, finding, run.at);
  if (before.mergedAt !== null) {
    return before.resolution === "fixed" ? reopened(seen) : seen;
  }
  // First default-branch sighting. Suppressed in review is a decision, not an escape; fixed in
  // review and back anyway is.
  const suppressed = before.resolution === "suppressed";
  const merged = suppressed ? seen : { ...reopened(seen), prevented: false };
  const isPreexisting = before.preexisting || preexisting;
  return {
    ...merged,
    mergedAt: run.at,
    preexisting: isPreexisting,
    escaped: !isPreexisting && !suppressed,
  };
}
