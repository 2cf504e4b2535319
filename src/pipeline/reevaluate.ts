import { loadConfig } from "../config/load-config.js";
import { parseConfig } from "../config/parse-config.js";
import { buildDiffMap } from "../diff/build-diff-map.js";
import { listPullFiles } from "../github/pull-files.js";
import type { PullRequestRef } from "../github/pull-requests.js";
import type { JobContext } from "../jobs/job-context.js";
import { externalIdOf } from "../report/external-id.js";
import type { Evaluation } from "./evaluate.js";
import { republish } from "./publish.js";
import type { StoredAnalysis } from "./stored-analysis.js";

/**
 * Re-judges a stored analysis (after a suppression change or `/guardrail recheck`) and updates its
 * check run in place: no artifact is downloaded again.
 */
export async function reevaluate(
  ctx: JobContext,
  input: { owner: string; repo: string; pr: PullRequestRef; analysis: StoredAnalysis },
): Promise<Evaluation | null> {
  const { record, findings, context } = input.analysis;
  if (record.checkRunId === null) return null;
  const where = { owner: input.owner, repo: input.repo };
  const loaded = await loadConfig(ctx.github, where);
  const fallback = parseConfig(undefined);
  const config = loaded.ok ? loaded.config : fallback.ok ? fallback.config : null;
  if (!config) return null;
  const diff = buildDiffMap(await listPullFiles(ctx.github, { ...where, pullNumber: input.pr.number }));
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
    config,
    defaultBranch: context.defaultBranch,
    isFork: record.isFork,
    checkName: "",
    externalId: externalIdOf(record.runId, record.runAttempt),
    runUrl: context.runUrl,
    reviewMarker: "",
  });
}
