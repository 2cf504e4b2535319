import type { GuardrailConfig } from "../config/schema.js";
import { buildDiffMap } from "../diff/build-diff-map.js";
import { listPullFiles } from "../github/pull-files.js";
import type { PullRequestRef } from "../github/pull-requests.js";
import type { JobContext } from "../jobs/job-context.js";
import { externalIdOf } from "../report/external-id.js";
import type { GuardrailThread } from "../github/review-threads.js";
import type { Evaluation } from "./evaluate.js";
import { republish } from "./publish.js";
import type { StoredAnalysis } from "./stored-analysis.js";

/**
 * Re-judges a stored analysis (after a suppression change or `/guardrail recheck`) and updates its
 * check run in place: no artifact is downloaded again.
 */
export async function reevaluate(
  ctx: JobContext,
  input: {
    owner: string;
    repo: string;
    pr: PullRequestRef;
    analysis: StoredAnalysis;
    config: GuardrailConfig;
  },
): Promise<{ evaluation: Evaluation; threads: GuardrailThread[] } | null> {
  const { record, findings, context } = input.analysis;
  if (record.checkRunId === null) return null;
  const where = { owner: input.owner, repo: input.repo };
  const diff = buildDiffMap(
    await listPullFiles(ctx.github, { ...where, pullNumber: input.pr.number }),
  );
  return republish(ctx, {
    ...where,
    checkRunId: record.checkRunId,
    headSha: record.headSha,
    pr: input.pr,
    diff,
    findings,
    notes: context.notes,
    readErrors: context.readErrors,
    toolNames: context.toolNames,
    config: input.config,
    defaultBranch: context.defaultBranch,
    isFork: record.isFork,
    checkName: "",
    externalId: externalIdOf(record.runId, record.runAttempt),
    runUrl: context.runUrl,
    reviewMarker: "",
  });
}
