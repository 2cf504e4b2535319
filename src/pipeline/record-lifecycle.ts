import type { Finding } from "../findings/finding.js";
import { lifecycleFindingOf } from "../lifecycle/from-finding.js";
import type { DefaultBranchTransition } from "../lifecycle/default-branch-transition.js";
import type { TriagedFinding } from "../triage/disposition.js";
import type { JobContext } from "./job-context.js";

/**
 * A pull-request analysis in the lifecycle: the findings it shows as new are reported, ones it
 * reported before and no longer has are prevented; the pull request counts as scanned.
 */
export async function recordPullRequestLifecycle(
  ctx: JobContext,
  input: { repoKey: string; pr: number; triaged: readonly TriagedFinding[]; toolNames: string[] },
): Promise<void> {
  const at = new Date();
  const { lifecycle } = ctx.deps.store;
  const reported = input.triaged.filter((t) => t.isNew && t.suppressedBy === null);
  await lifecycle.recordPullRequest({
    repo: input.repoKey,
    pr: input.pr,
    at: at.getTime(),
    tools: toolsOf(
      input.toolNames,
      input.triaged.map((t) => t.finding),
    ),
    findings: input.triaged.map((t) => lifecycleFindingOf(t.finding)),
    reported: new Set(reported.map((t) => t.finding.fingerprint)),
  });
  await lifecycle.recordPullRequestAnalysed(input.repoKey, input.pr, at);
}

/**
 * A default-branch baseline in the lifecycle: first sightings merge (and escape unless they
 * predate Guardrail), what is gone is fixed. The result names what escaped, for notifications.
 */
export async function recordDefaultBranchLifecycle(
  ctx: JobContext,
  input: {
    repoKey: string;
    branch: string;
    findings: Finding[];
    toolNames: string[];
    /** Tools with no baseline on the branch before this one. */
    firstBaselineTools: ReadonlySet<string>;
  },
): Promise<DefaultBranchTransition> {
  return ctx.deps.store.lifecycle.recordDefaultBranch({
    repo: input.repoKey,
    branch: input.branch,
    at: Date.now(),
    tools: toolsOf(input.toolNames, input.findings),
    firstBaselineTools: input.firstBaselineTools,
    findings: input.findings.map(lifecycleFindingOf),
  });
}

function toolsOf(toolNames: string[], findings: readonly Finding[]): string[] {
  const tools = new Set(toolNames.map((name) => name.toLowerCase()));
  for (const f of findings) tools.add(f.tool.name.toLowerCase());
  return [...tools];
}
