import type { Analysis } from "../domain/analysis.js";
import { enrichAnalysis } from "../enrichment/enrich-analysis.js";
import { repoKeyOf } from "../domain/analysis.js";
import type { AnalyseRunJob } from "../domain/job.js";
import { identifyFindings } from "../fingerprint/identify-findings.js";
import type { RunArtifact } from "../github/artifacts.js";
import { repoFilesAt } from "../github/repo-files.js";
import type { WorkflowRun } from "../github/workflow-runs.js";
import { externalIdOf } from "../report/external-id.js";
import { checkNameFor } from "./check-name.js";
import type { JobContext } from "./job-context.js";
import { readFindings } from "./read-findings.js";
import type { RepositoryConfig } from "./repository-config.js";

/** Steps 3–4: the run's SARIF artifacts read, normalised and fingerprinted into one Analysis. */
export async function readAnalysis(
  ctx: JobContext,
  input: {
    job: AnalyseRunJob;
    run: WorkflowRun;
    repoConfig: RepositoryConfig;
    artifacts: RunArtifact[];
  },
): Promise<Analysis> {
  const { github, deps } = ctx;
  const { job, run, repoConfig } = input;
  const where = { owner: job.owner, repo: job.repo };
  const read = await readFindings(github, {
    ...where,
    artifacts: input.artifacts,
    limits: deps.artifactLimits,
  });
  const files = repoFilesAt(github, { ...where, sha: run.headSha }, deps.blobCache);
  const identified = await identifyFindings(read.raw, {
    paths: () => files.paths(),
    content: (path) => files.content(path),
  });
  // KEV / EPSS: stored with the findings, so a command's re-evaluation judges the same data.
  const enriched = await enrichAnalysis(deps.enrichment, identified.findings, repoConfig.config);
  const repoKey = repoKeyOf(where);
  return {
    run: {
      installationId: job.installationId,
      ...where,
      runId: run.id,
      runAttempt: job.runAttempt,
      workflowName: run.name,
      event: run.event,
      headSha: run.headSha,
      headBranch: run.headBranch,
      headRepo: run.headRepo,
    },
    findings: enriched.findings,
    notes: [...repoConfig.notes, ...read.notes, ...identified.notes, ...enriched.notes],
    readErrors: read.readErrors + repoConfig.readErrors,
    toolNames: read.toolNames,
    isFork: run.headRepo.toLowerCase() !== repoKey,
    defaultBranch: run.defaultBranch,
    runUrl: run.htmlUrl,
    checkName: await checkNameFor(deps.store, repoKey, run),
    externalId: externalIdOf(run.id, job.runAttempt),
  };
}
