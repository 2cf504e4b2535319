/**
 * The gate (pipeline step 6): only new, unsuppressed findings count, and only those at or above
 * the base branch's `fail_on` block. Anything that could not be read fails closed: a scanner
 * whose output Guardrail cannot see must not pass as clean.
 */
import { plural } from "../text/plural.js";
import { severityRank, type Severity } from "../findings/finding.js";
import type { FailOn, GuardrailConfig } from "../config/schema.js";
import { branchMatcher } from "../config/match.js";
import type { GateResult, TriagedFinding } from "./disposition.js";

export interface GatePolicy {
  fail_on: FailOn;
  /** The `branches` of the gate entry that matched; empty when none did. */
  branches: string[];
  /** The pull request's base branch, named in the reason. */
  base?: string;
  /** A push: findings are reported, never blocked, whatever the rules say. */
  reportOnly?: boolean;
}

/** Finding ids named in a reason; the check summary lists them all. */
const MAX_IDS_IN_REASON = 5;

/** The first `gate` entry whose branches match the base branch wins; none matching never fails. */
export function policyFor(
  config: Pick<GuardrailConfig, "gate">,
  baseBranch: string,
  defaultBranch: string,
): GatePolicy {
  const entry = config.gate.find(
    (candidate) => branchMatcher(candidate.branches, defaultBranch)(baseBranch) !== null,
  );
  return entry === undefined
    ? { fail_on: "none", branches: [], base: baseBranch }
    : { fail_on: entry.fail_on, branches: [...entry.branches], base: baseBranch };
}

export function blocks(severity: Severity, failOn: FailOn): boolean {
  return failOn !== "none" && severityRank(severity) <= severityRank(failOn);
}

export function gate(
  triaged: readonly TriagedFinding[],
  policy: GatePolicy,
  opts: { readErrors: number } = { readErrors: 0 },
): GateResult {
  const counted = triaged.filter(
    (t) => t.suppressedBy === null && (t.isNew || t.verdict?.verdict === "warn"),
  );
  const blocking =
    policy.reportOnly === true
      ? []
      : triaged.filter((t) => t.suppressedBy === null && isBlocking(t, policy.fail_on));
  const scope = policy.base === undefined ? "" : ` for ${policy.base}`;
  const blockingReason =
    blocking.length === 0 ? null : blockReasons(blocking, policy.fail_on, scope);

  if (opts.readErrors > 0) {
    const unread =
      `${plural(opts.readErrors, "input")} (artifact, SARIF file or config) could not be read, ` +
      `so the check fails closed`;
    const reason = [unread, blockingReason].filter(Boolean).join("; ");
    return { conclusion: "failure", reason, blocking: blocking.map((t) => t.finding.fingerprint) };
  }
  if (blockingReason !== null) {
    const fingerprints = blocking.map((t) => t.finding.fingerprint);
    return { conclusion: "failure", reason: blockingReason, blocking: fingerprints };
  }
  if (counted.length > 0) {
    const threshold =
      policy.fail_on === "none"
        ? `the gate${scope} does not fail on findings (fail_on: none)`
        : `none at or above ${policy.fail_on} (fail_on${scope})`;
    return {
      conclusion: "neutral",
      reason: `${plural(counted.length, "new finding")}, ${threshold}`,
    };
  }
  const suppressed = triaged.filter((t) => t.isNew && t.suppressedBy !== null).length;
  return {
    conclusion: "success",
    reason:
      suppressed === 0
        ? "No new findings"
        : `No new findings that count (${plural(suppressed, "new finding")} suppressed)`,
  };
}

/** Without a verdict (no policy stage ran) the severity threshold alone decides, as before rules. */
function isBlocking(t: TriagedFinding, failOn: FailOn): boolean {
  if (t.verdict !== undefined) return t.verdict.verdict === "block";
  return t.isNew && blocks(t.finding.severity, failOn);
}

/** One clause per cause, so an author sees which rule or threshold (and whose) blocks what. */
function blockReasons(blocking: TriagedFinding[], failOn: FailOn, scope: string): string {
  const groups = new Map<string, TriagedFinding[]>();
  for (const t of blocking) {
    const key = causeClause(t, failOn, scope);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups]
    .map(([clause, group]) => clause.replace("{n}", countOf(group)) + listIds(group))
    .join("; ");
}

function causeClause(t: TriagedFinding, failOn: FailOn, scope: string): string {
  const cause = t.verdict?.cause;
  if (cause === undefined || cause.kind === "default") {
    return `{n} at or above ${failOn} (fail_on${scope}): `;
  }
  const whose = cause.source === "organisation" ? " enforced by the organisation" : "";
  if (cause.kind === "fail_on")
    return `{n} at or above ${cause.failOn} (fail_on${whose}${scope}): `;
  if (cause.error !== undefined) {
    return `rule "${cause.rule}"${whose} could not be evaluated on {n}, so they block: `;
  }
  return `{n} blocked by rule "${cause.rule}"${whose}${scope}: `;
}

function countOf(group: TriagedFinding[]): string {
  const allNew = group.every((t) => t.isNew);
  return plural(group.length, allNew ? "new finding" : "finding");
}

function listIds(findings: readonly TriagedFinding[]): string {
  const sorted = [...findings].sort(
    (a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity),
  );
  const ids = sorted.slice(0, MAX_IDS_IN_REASON).map((t) => t.finding.id);
  const rest = findings.length - ids.length;
  return rest > 0 ? `${ids.join(", ")} and ${rest} more` : ids.join(", ");
}
