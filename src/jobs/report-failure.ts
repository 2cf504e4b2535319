import { createCheckRun, findCheckRun, updateCheckRun } from "../github/check-runs.js";
import { getWorkflowRun } from "../github/workflow-runs.js";
import { externalIdOf } from "../report/external-id.js";
import { plainText } from "../report/sanitize.js";
import type { AnalyseRunJob } from "./job.js";
import type { JobContext } from "./job-context.js";

/**
 * The last try of an analysis failed: say so in a failed check run on the analysed commit, so a
 * broken analysis is never mistaken for a clean one. Best effort: GitHub may be what is failing.
 */
export async function reportFailedAnalysis(
  ctx: JobContext,
  job: AnalyseRunJob,
  error: unknown,
): Promise<void> {
  try {
    const run = await getWorkflowRun(ctx.github, {
      owner: job.owner,
      repo: job.repo,
      runId: job.runId,
      defaultBranch: job.defaultBranch,
    });
    const reason = plainText(error instanceof Error ? error.message : String(error), 500);
    const where = { owner: job.owner, repo: job.repo, headSha: run.headSha, name: "Guardrail" };
    const externalId = externalIdOf(job.runId, job.runAttempt);
    const output = {
      title: "Guardrail could not analyse this run",
      summary: `The analysis failed after its last try, so this check fails closed. Re-run the check to try again.\n\nLast error: \`${reason.replace(/`/g, "'")}\``,
    };
    const existing = await findCheckRun(ctx.github, { ...where, externalId, appSlug: ctx.appSlug });
    if (existing !== null) {
      await updateCheckRun(ctx.github, {
        ...where,
        checkRunId: existing,
        conclusion: "failure",
        output,
      });
    } else {
      await createCheckRun(ctx.github, {
        ...where,
        externalId,
        conclusion: "failure",
        output,
        annotations: [],
      });
    }
  } catch (reportError) {
    ctx.log.error({ err: reportError }, "could not report the failed analysis");
  }
}
