/**
 * One finding's lifecycle in one repository (design.md Part 2 "Finding lifecycle and metrics").
 * Times are epoch milliseconds, as the store keeps them.
 */

/** What an analysis says about a finding: where it is now and what it looks like. */
export interface LifecycleFinding {
  fingerprint: string;
  /** The `GR-` id. */
  findingId: string;
  /** Lower-cased `tool.driver.name`. */
  tool: string;
  rule: string;
  severity: string;
  path: string;
  line: number | null;
  message: string;
}

export type Resolution = "fixed" | "suppressed";

export interface LifecycleRecord extends LifecycleFinding {
  /** Lower-cased `owner/name`. */
  repo: string;
  firstSeenAt: number;
  /** `pr:<n>` or `branch:<name>`. */
  firstSeenRef: string;
  firstPr: number | null;
  /** First reported to a developer in a pull request. */
  reportedAt: number | null;
  /** First default-branch baseline that has it. */
  mergedAt: number | null;
  /** In its branch's first baseline: it predates Guardrail and never escapes. */
  preexisting: boolean;
  escaped: boolean;
  /** Reported in a pull request and gone before merge. */
  prevented: boolean;
  resolvedAt: number | null;
  resolution: Resolution | null;
  /** The pull request that last reported it while it was not yet merged. */
  lastPr: number | null;
  lastSeenAt: number;
}

/** A transition's effect on one finding: `before` is null when it was first seen now. */
export interface LifecycleChange {
  before: LifecycleRecord | null;
  after: LifecycleRecord;
}

/** Where the finding is now, taken from the latest analysis that saw it. */
export function withSighting(record: LifecycleRecord, finding: LifecycleFinding, at: number) {
  return { ...record, ...finding, lastSeenAt: Math.max(record.lastSeenAt, at) };
}

export function reopened(record: LifecycleRecord): LifecycleRecord {
  return { ...record, resolvedAt: null, resolution: null };
}

export function resolved(record: LifecycleRecord, resolution: Resolution, at: number) {
  return { ...record, resolvedAt: at, resolution };
}
