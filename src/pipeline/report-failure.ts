import { repoKeyOf } from "../domain/analysis.js";
import type { AnalyseRunJob } from "../domain/job.js";
import { upsertCheckRun } from "../github/check-runs.js";
import { externalIdOf } from "../report/external-id.js";
import { plainText } from "../report/sanitize.js";
import { fetchRun } from "./analyse-run.js";
import { checkNameFor } from "./check-name.js";
import type { JobContext } from "./job-context.js";

/**
 * The last try of an analysis failed: say so in a failed check run on the analysed commit, so a
 * broken analysis is never mistaken for a clean one. It is the check run the analysis writes
 * (same name, same external id), updated if an earlier step made it. Best effort: GitHub may be
 * what is failing.
 */
export async function reportFailedAnalysis(
  ctx: JobContext,
  job: AnalyseRunJob,
  error: unknown,
): Promise<void> {
  try {
    const run = await fetchRun(ctx, job);
    const reason = plainText(error instanceof Error ? error.message : String(error), 500);
    await upsertCheckRun(ctx.github, {
      owner: job.owner,
      repo: job.repo,
      headSha: run.headSha,
      name: await checkNameFor(ctx.deps.store, repoKeyOf(job), run),
      externalId: externalIdOf(job.runId, job.runAttempt),
      appSlug: ctx.appSlug,
      conclusion: "failure",
      output: {
        title: "Guardrail could not analyse this run",
        summary: `The analysis failed after its last try, so this check fails closed. Re-run the check to try again.\n\nLast error: \`${reason.replace(/`/g, "'")}\``,
      },
    });
  } catch (reportError) {
    ctx.log.error({ err: reportError }, "could not report the failed analysis");
  }
}
