/**
 * `Guardrail · required scanners` (design.md "Required tools"): opened `in_progress` on a pull
 * request head, ticked off by each analysis of that head, completed once every required tool
 * reported, every workflow run of the head completed, or `required_tools_timeout` passed — so it
 * is never left in progress.
 */
import { repoKeyOf } from "../domain/analysis.js";
import { allHeadRunsCompleted, workflowChanges } from "../github/head-workflow-runs.js";
import { listPullFiles } from "../github/pull-files.js";
import { createScannerCheck, updateScannerCheck } from "../github/scanner-check-run.js";
import { parseDuration } from "../policy/duration.js";
import {
  missingTools,
  requiredToolsState,
  type RequiredToolsState,
} from "../policy/required-tools.js";
import type { RequiredToolsRecord } from "../store/required-tools.js";
import type { JobContext } from "./job-context.js";
import { repositoryConfig } from "./repository-config.js";
import { requiredToolsJob, type RequiredToolsJob } from "./required-tools-job.js";

const DEFAULT_TIMEOUT_MS = 30 * 60_000;

export async function runRequiredToolsJob(ctx: JobContext, job: RequiredToolsJob): Promise<void> {
  if (job.step === "open") await openRequiredScanners(ctx, job);
  else await settleRequiredScanners(ctx, job.owner, job.repo, job.headSha);
}

/** Step 1, on pull_request opened / synchronize / reopened. */
async function openRequiredScanners(ctx: JobContext, job: RequiredToolsJob): Promise<void> {
  const where = { owner: job.owner, repo: job.repo };
  const { config } = await repositoryConfig(ctx.github, where);
  if (config.required_tools.length === 0) return;
  const files = await listPullFiles(ctx.github, { ...where, pullNumber: job.prNumber });
  const timeoutMs = parseDuration(config.required_tools_timeout) ?? DEFAULT_TIMEOUT_MS;
  // An analysis of this head may have finished before the pull request event arrived.
  const seen = await toolsAlreadySeen(ctx, where, job);
  const state = requiredToolsState({
    required: config.required_tools,
    seen,
    allRunsCompleted: false,
    timedOut: false,
    workflowChanges: workflowChanges(files),
    timeout: config.required_tools_timeout,
  });
  const checkRunId = await createScannerCheck(
    ctx.github,
    { ...where, headSha: job.headSha, prNumber: job.prNumber },
    state,
  );
  await ctx.deps.store.requiredTools.open({
    repo: repoKeyOf(where),
    headSha: job.headSha,
    prNumber: job.prNumber,
    installationId: job.installationId,
    checkRunId,
    required: config.required_tools,
    workflowChanges: workflowChanges(files),
    deadlineAt: new Date(Date.now() + timeoutMs),
  });
  if (seen.length > 0)
    await ctx.deps.store.requiredTools.addSeen(repoKeyOf(where), job.headSha, seen);
  if (state.status === "completed") {
    await ctx.deps.store.requiredTools.complete(repoKeyOf(where), job.headSha, state.conclusion);
    return;
  }
  await ctx.deps.queue.enqueue(
    requiredToolsJob("settle", { ...job, deliveryId: `${job.deliveryId}:settle` }),
    {
      startAfter: new Date(Date.now() + timeoutMs),
    },
  );
}

/** Step 2, after each analysis of a head: tick off the tools it saw (none for a run without SARIF). */
export async function tickRequiredScanners(
  ctx: JobContext,
  where: { owner: string; repo: string; headSha: string },
  toolNames: readonly string[],
): Promise<void> {
  const record = await ctx.deps.store.requiredTools.addSeen(repoKeyOf(where), where.headSha, [
    ...toolNames,
  ]);
  if (record === null || record.conclusion === "success") return;
  const missing = missingTools(record.required, record.seen);
  if (missing.length === 0 || record.status === "completed") {
    const done = stateOf(record, false, false);
    if (done.status === "completed") await conclude(ctx, where, record, done);
    return;
  }
  const allDone = await allHeadRunsCompleted(ctx.github, where);
  const state = stateOf(record, allDone, false);
  if (state.status === "completed") return conclude(ctx, where, record, state);
  if (record.checkRunId !== null && toolNames.length > 0) {
    await updateScannerCheck(ctx.github, { ...where, checkRunId: record.checkRunId }, state);
  }
}

/** Step 3, the delayed job: complete at the deadline whatever is still missing. */
async function settleRequiredScanners(
  ctx: JobContext,
  owner: string,
  repo: string,
  headSha: string,
): Promise<void> {
  const where = { owner, repo, headSha };
  const record = await ctx.deps.store.requiredTools.get(repoKeyOf(where), headSha);
  if (record === null || record.status === "completed") return;
  const timedOut = Date.now() >= record.deadlineAt.getTime();
  const allDone = await allHeadRunsCompleted(ctx.github, where);
  const state = stateOf(record, allDone, timedOut);
  if (state.status === "completed") return conclude(ctx, where, record, state);
  // Woken early (a superseded job): wait for the deadline again.
  await ctx.deps.queue.enqueue(
    requiredToolsJob("settle", {
      ...where,
      installationId: record.installationId,
      prNumber: record.prNumber,
      deliveryId: `settle:${headSha}`,
    }),
    { startAfter: record.deadlineAt },
  );
}

async function conclude(
  ctx: JobContext,
  where: { owner: string; repo: string; headSha: string },
  record: RequiredToolsRecord,
  state: Extract<RequiredToolsState, { status: "completed" }>,
): Promise<void> {
  // Only the caller that completes it writes the check run: no second, contradicting update.
  const won = await ctx.deps.store.requiredTools.complete(
    repoKeyOf(where),
    where.headSha,
    state.conclusion,
  );
  if (!won || record.checkRunId === null) return;
  await updateScannerCheck(ctx.github, { ...where, checkRunId: record.checkRunId }, state);
  if (state.conclusion === "failure") {
    const missing = missingTools(record.required, record.seen);
    // guardrail_required_tool_missing_total{repo,tool}, counted once per completed check.
    await ctx.deps.store.lifecycle.recordRequiredToolMissing(repoKeyOf(where), missing);
    ctx.log.info({ missing }, "required scanners missing");
  }
}

function stateOf(
  record: RequiredToolsRecord,
  allRunsCompleted: boolean,
  timedOut: boolean,
): RequiredToolsState {
  const deadline = `deadline ${record.deadlineAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return requiredToolsState({
    required: record.required,
    seen: record.seen,
    allRunsCompleted,
    timedOut,
    workflowChanges: record.workflowChanges,
    timeout: deadline,
  });
}

async function toolsAlreadySeen(
  ctx: JobContext,
  where: { owner: string; repo: string },
  job: RequiredToolsJob,
): Promise<string[]> {
  const records = await ctx.deps.store.analyses.latestPerWorkflowForPr(
    repoKeyOf(where),
    job.prNumber,
  );
  return records
    .filter((r) => r.headSha === job.headSha)
    .flatMap((r) => {
      const notes = r.notes as { toolNames?: unknown } | null;
      return Array.isArray(notes?.toolNames)
        ? notes.toolNames.filter((n): n is string => typeof n === "string")
        : [];
    });
}
