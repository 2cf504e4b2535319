import { RequestError } from "@octokit/request-error";
import { matchesArtifactName } from "../config/match.js";
import { repoKeyOf, type Analysis, type TargetCheckRun } from "../domain/analysis.js";
import { PermanentError } from "../domain/errors.js";
import type { AnalyseRunJob } from "../domain/job.js";
import { listRunArtifacts } from "../github/artifacts.js";
import { resolvePullRequests } from "../github/pull-requests.js";
import { getWorkflowRun, type WorkflowRun } from "../github/workflow-runs.js";
import { encodeAnalysis } from "./analysis-codec.js";
import type { AnalysisOutcome } from "./analysis-outcome.js";
import type { JobContext } from "./job-context.js";
import { keepIdentities } from "./keep-identities.js";
import { publish } from "./publish.js";
import { readAnalysis } from "./read-analysis.js";
import { isTracked, recordBaseline, recordOutcome } from "./record-analysis.js";
import { repositoryConfig } from "./repository-config.js";
import { tickRequiredScanners } from "./required-scanners.js";
import { targetsOf } from "./targets.js";

/**
 * Analyse one workflow run attempt:
 *   1 the run, from the API · 2 repository config · 3 SARIF artifacts → findings, fingerprinted:
 *   the Analysis · 4 the PRs it belongs to: its Targets, and each finding tracked to the identity
 *   it had (keep-identities.ts) · 5 baseline for pushes to tracked
 *   branches · 6 triage, gate and report on each target · 7 store the analysis.
 */
export async function analyseRun(
  ctx: JobContext,
  job: AnalyseRunJob,
): Promise<AnalysisOutcome | null> {
  const { github, deps, log } = ctx;
  const where = { owner: job.owner, repo: job.repo };
  // Independent reads at once: at GitHub's latency each one in turn costs feedback time.
  const [run, repoConfig, listed] = await Promise.all([
    fetchRun(ctx, job),
    repositoryConfig(github, where),
    listRunArtifacts(github, { ...where, runId: job.runId }),
  ]);
  const artifacts = listed.filter((a) => matchesArtifactName(repoConfig.config.artifacts, a.name));
  if (artifacts.length === 0) {
    log.info("no SARIF artifacts in this run: nothing to report");
    // Still a run of the head that completed: required scanners may now be known missing.
    await tickRequiredScanners(ctx, { ...where, headSha: run.headSha }, []);
    return null;
  }
  const [read, pulls]: [Analysis, Awaited<ReturnType<typeof resolvePullRequests>>] =
    await Promise.all([
      readAnalysis(ctx, { job, run, repoConfig, artifacts }),
      resolvePullRequests(github, run),
    ]);
  const targets = await targetsOf(ctx, read, pulls);
  const repoKey = repoKeyOf(where);
  const { config } = repoConfig;
  const setsBaseline =
    !read.isFork && pulls.length === 0 && isTracked(config, run.headBranch, run.defaultBranch);
  const analysis = await keepIdentities(ctx, read, targets[0], setsBaseline);
  if (setsBaseline)
    await recordBaseline(ctx, {
      repoKey,
      run,
      findings: analysis.findings,
      toolNames: analysis.toolNames,
    });

  const checkRuns: TargetCheckRun[] = [];
  const outcomes: AnalysisOutcome["targets"] = [];
  for (const target of targets) {
    const published = await publish(ctx, analysis, target, config);
    checkRuns.push({
      pr: target.pr?.number ?? null,
      checkRunId: published.checkRunId,
      checkName: target.checkName,
    });
    outcomes.push({
      pr: target.pr === null ? null : { number: target.pr.number, baseRef: target.pr.baseRef },
      checkRunId: published.checkRunId,
      gate: published.evaluation.gate,
      triaged: published.evaluation.triaged,
    });
    await recordOutcome(
      ctx,
      repoKey,
      published.evaluation.triaged,
      target.pr?.number ?? null,
      analysis.toolNames,
    );
  }

  await deps.store.analyses.save(encodeAnalysis(analysis, checkRuns, new Date()));
  await tickRequiredScanners(ctx, { ...where, headSha: run.headSha }, analysis.toolNames);
  if (job.completedAt) {
    deps.metrics.timeToFeedback.observe(
      Math.max(0, (Date.now() - Date.parse(job.completedAt)) / 1000),
    );
  }
  return { analysis, config, baseline: setsBaseline, targets: outcomes };
}

export async function fetchRun(ctx: JobContext, job: AnalyseRunJob): Promise<WorkflowRun> {
  try {
    return await getWorkflowRun(ctx.github, {
      owner: job.owner,
      repo: job.repo,
      runId: job.runId,
      defaultBranch: job.defaultBranch,
    });
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) {
      throw new PermanentError(
        `workflow run ${job.runId} is gone or the App lost access to ${job.owner}/${job.repo}`,
      );
    }
    throw error;
  }
}
