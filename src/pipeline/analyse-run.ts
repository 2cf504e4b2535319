import { RequestError } from "@octokit/request-error";
import { artifactLimitsFromEnv } from "../artifacts/limits.js";
import { loadConfig } from "../config/load-config.js";
import { matchesArtifactName } from "../config/match.js";
import { parseConfig } from "../config/parse-config.js";
import type { GuardrailConfig } from "../config/schema.js";
import { buildDiffMap } from "../diff/build-diff-map.js";
import type { Note } from "../findings/finding.js";
import { listRunArtifacts } from "../github/artifacts.js";
import { listPullFiles } from "../github/pull-files.js";
import { resolvePullRequests } from "../github/pull-requests.js";
import { repoFilesAt } from "../github/repo-files.js";
import { PermanentError } from "../jobs/errors.js";
import type { AnalyseRunJob } from "../jobs/job.js";
import type { JobContext } from "../jobs/job-context.js";
import { externalIdOf } from "../report/external-id.js";
import { identifyFindings } from "./identify-findings.js";
import { publish } from "./publish.js";
import { readFindings } from "./read-findings.js";
import { checkNameFor } from "./check-name.js";
import { isTracked, recordBaseline, recordOutcome } from "./record-analysis.js";
import { getWorkflowRun, type WorkflowRun } from "../github/workflow-runs.js";

/**
 * Analyse one workflow run attempt:
 *   1 the run, from the API · 2 repository config · 3 SARIF artifacts → findings ·
 *   4 fingerprints · 5 the PRs it belongs to · 6 baseline for pushes to tracked branches ·
 *   7 triage, gate and report on each PR (or on the commit alone) · 8 store the analysis.
 */
export async function analyseRun(ctx: JobContext, job: AnalyseRunJob): Promise<void> {
  const { github, deps, log } = ctx;
  const where = { owner: job.owner, repo: job.repo };
  const repoKey = `${job.owner}/${job.repo}`.toLowerCase();

  const run = await fetchRun(ctx, job);
  const loaded = await loadConfig(github, where);
  const config = loaded.ok ? loaded.config : defaultConfig();
  const notes: Note[] = loaded.ok
    ? []
    : [{ level: "error", source: "repository config", message: loaded.error }];

  const artifacts = (await listRunArtifacts(github, { ...where, runId: run.id })).filter((a) =>
    matchesArtifactName(config.artifacts, a.name),
  );
  if (artifacts.length === 0) {
    log.info("no SARIF artifacts in this run: nothing to report");
    return;
  }

  const read = await readFindings(github, {
    ...where,
    artifacts,
    limits: artifactLimitsFromEnv(process.env),
  });
  const files = repoFilesAt(github, { ...where, sha: run.headSha }, deps.blobCache);
  const identified = await identifyFindings(read.raw, files);
  notes.push(...read.notes, ...identified.notes);
  const readErrors = read.readErrors + (loaded.ok ? 0 : 1);
  const findings = identified.findings;

  const pulls = await resolvePullRequests(github, run);
  const isFork = run.headRepo.toLowerCase() !== repoKey;
  if (!isFork && pulls.length === 0 && isTracked(config, run.headBranch, run.defaultBranch)) {
    await recordBaseline(ctx, { repoKey, run, findings, toolNames: read.toolNames });
  }

  const checkName = await checkNameFor(deps.store, repoKey, run);
  const shared = {
    ...where,
    headSha: run.headSha,
    findings,
    notes,
    readErrors,
    toolNames: read.toolNames,
    config,
    defaultBranch: run.defaultBranch,
    isFork,
    checkName,
    externalId: externalIdOf(run.id, job.runAttempt),
    runUrl: run.htmlUrl,
  };
  const targets = pulls.length > 0 ? pulls : [null];
  let checkRunId: number | null = null;
  for (const pr of targets) {
    const diff = pr
      ? buildDiffMap(await listPullFiles(github, { ...where, pullNumber: pr.number }))
      : null;
    const published = await publish(ctx, {
      ...shared,
      pr,
      diff,
      // One check run per analysis (it lives on the commit); further PRs with the same head get their review.
      checkName: pr && pulls.length > 1 ? `${checkName} (#${pr.number})` : checkName,
      reviewMarker: `<!-- guardrail:review run=${run.id}:${job.runAttempt} pr=${pr?.number ?? 0} -->`,
    });
    checkRunId ??= published.checkRunId;
    await recordOutcome(ctx, repoKey, published.evaluation.triaged, pr !== null);
  }

  await deps.store.analyses.save({
    repo: repoKey,
    installationId: job.installationId,
    runId: run.id,
    runAttempt: job.runAttempt,
    workflowName: run.name,
    event: run.event,
    headSha: run.headSha,
    headBranch: run.headBranch,
    headRepo: run.headRepo,
    isFork,
    prNumbers: pulls.map((p) => p.number),
    findings,
    notes: {
      notes,
      readErrors,
      toolNames: read.toolNames,
      defaultBranch: run.defaultBranch,
      runUrl: run.htmlUrl,
    },
    checkRunId,
    createdAt: new Date(),
  });
  if (job.completedAt) {
    deps.metrics.timeToFeedback.observe(
      Math.max(0, (Date.now() - Date.parse(job.completedAt)) / 1000),
    );
  }
}

async function fetchRun(ctx: JobContext, job: AnalyseRunJob): Promise<WorkflowRun> {
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

function defaultConfig(): GuardrailConfig {
  const parsed = parseConfig(undefined);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.config;
}
