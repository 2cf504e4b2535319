import { branchMatcher } from "../config/match.js";
import type { GuardrailConfig } from "../config/schema.js";
import type { Finding } from "../findings/finding.js";
import type { WorkflowRun } from "../github/workflow-runs.js";
import type { JobContext } from "./job-context.js";
import type { TriagedFinding } from "../triage/disposition.js";
import { baselineLocationOf } from "../tracking/baseline-trackable.js";
import type { DefaultBranchTransition } from "../lifecycle/default-branch-transition.js";
import { recordDefaultBranchLifecycle, recordPullRequestLifecycle } from "./record-lifecycle.js";

/** Pushes to these branches set their baseline (`tracked_branches`, `$default` included). */
export function isTracked(config: GuardrailConfig, branch: string, defaultBranch: string): boolean {
  return branch !== "" && branchMatcher(config.tracked_branches, defaultBranch)(branch) !== null;
}

/**
 * The branch's baseline becomes what this run found, per tool. Every tool that ran counts, even
 * with no result: that is how its earlier findings are known to be fixed. On the default branch
 * the lifecycle follows (merged, escaped, fixed); its result names the findings that escaped.
 */
export async function recordBaseline(
  ctx: JobContext,
  input: { repoKey: string; run: WorkflowRun; findings: Finding[]; toolNames: string[] },
): Promise<DefaultBranchTransition | null> {
  const tools = new Set(input.toolNames.map((name) => name.toLowerCase()));
  for (const finding of input.findings) tools.add(finding.tool.name.toLowerCase());
  const before = await ctx.deps.store.baselines.get(input.repoKey, input.run.headBranch);
  await ctx.deps.store.baselines.record({
    repo: input.repoKey,
    branch: input.run.headBranch,
    sha: input.run.headSha,
    tools: [...tools],
    fingerprints: input.findings.map((f) => ({
      tool: f.tool.name.toLowerCase(),
      fingerprint: f.fingerprint,
      severity: f.severity,
      where: baselineLocationOf(f),
    })),
    at: new Date(),
  });
  if (input.run.headBranch !== input.run.defaultBranch) return null;
  return recordDefaultBranchLifecycle(ctx, {
    repoKey: input.repoKey,
    branch: input.run.headBranch,
    findings: input.findings,
    toolNames: [...tools],
    firstBaselineTools: new Set([...tools].filter((tool) => before?.has(tool) !== true)),
  });
}

/** Metrics by disposition; and what a PR reported, for the escape rate and the lifecycle. */
export async function recordOutcome(
  ctx: JobContext,
  repoKey: string,
  triaged: TriagedFinding[],
  pr: number | null,
  toolNames: string[] = [],
): Promise<void> {
  for (const t of triaged) {
    const disposition = t.suppressedBy ? "suppressed" : t.isNew ? "new" : "existing";
    ctx.deps.metrics.findings.inc({ severity: t.finding.severity, disposition });
  }
  if (pr === null) return;
  const reported = triaged.filter((t) => t.isNew).map((t) => t.finding.fingerprint);
  await ctx.deps.store.baselines.markReported(repoKey, reported, new Date());
  await recordPullRequestLifecycle(ctx, { repoKey, pr, triaged, toolNames });
}
