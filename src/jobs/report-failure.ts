import { createCheckRun } from "../github/check-runs.js";
import { getWorkflowRun } from "../github/workflow-runs.js";
import { externalIdOf } from "../report/external-id.js";
import { plainText } from "../report/sanitize.js";
import type { AnalyseRunJob } from "./job.js";
import type { JobContext } from "./job-context.js";

/**
 * The last try of an analysis failed: say so in a failed check run on the analysed commit, so a
 * broken analysis is never mistaken for a clean one. Best effort: GitHub may be what is failing.
 */
export async function reportFailedAnalysis(ctx: JobContext, job: AnalyseRunJob, error: unknown): Promise<void> {
  try {
    const run = await getWorkflowRun(ctx.github, { owner: job.owner, repo: job.repo, runId: job.runId, defaultBranch: job.defaultBranch });
    const reason = plainText(error instanceof Error ? error.message : String(error), 500);
    await createCheckRun(ctx.github, {
      owner: job.owner,
      repo: job.repo,
      name: "Guardrail",
      headSha: run.headSha,
      externalId: externalIdOf(job.runId, job.runAttempt),
      conclusion: "failure",
      output: {
        title: "Guardrail could not analyse this run",
        summary: `The analysis failed after its last try, so this check fails closed. Re-run the check to try again.\n\nLast error: \`${reason.replace(/`/g, "'")}\``,
      },
      annotations: [],
    });
  } catch (reportError) {
    ctx.log.error({ err: reportError }, "could not report the failed analysis");
  }
}
