import type { Probot } from "probot";
import type { AppDeps } from "../app-deps.js";
import type { GitHub } from "../github/octokit.js";
import type { JobRunner } from "../queue/queue.js";
import { analyseRun } from "../pipeline/analyse-run.js";
import { runCommand } from "../commands/run-command.js";
import type { JobContext } from "./job-context.js";
import { isRetryable, PermanentError } from "./errors.js";
import { reportFailedAnalysis } from "./report-failure.js";

/**
 * A 401 mid-job means GitHub no longer takes the cached installation token (expired early, or
 * revoked): fetch a fresh one now, so the retry does not fail the same way.
 */
async function refreshToken(ctx: JobContext, installationId: number): Promise<void> {
  const auth = ctx.github.auth as (options: object) => Promise<unknown>;
  await auth({ type: "installation", installationId, refresh: true }).catch((error: unknown) => {
    ctx.log.warn({ err: error }, "could not refresh the installation token");
  });
}

/** The token request failing with 404 means the installation is gone: nothing to retry. */
function uninstalled(error: unknown): boolean {
  const { status, request } = error as { status?: number; request?: { url?: string } };
  return status === 404 && (request?.url ?? "").endsWith("/access_tokens");
}

/** An installation client; an installation that is gone (uninstalled, suspended) ends the job. */
async function installationClient(app: Probot, installationId: number): Promise<GitHub> {
  try {
    return await app.auth(installationId);
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 403) {
      throw new PermanentError(
        `installation ${installationId} is no longer available (HTTP ${status})`,
      );
    }
    throw error;
  }
}

/** Turns a queued job into a call into the domain, with an installation client and a child logger. */
export function createJobRunner(app: Probot, deps: AppDeps): JobRunner {
  let slug: Promise<string> | undefined;
  // The slug only helps recognise Guardrail's own comments (GraphQL's viewerDidAuthor does too):
  // a failure to read it must not fail the job, and it is asked again next time.
  const appSlug = () =>
    (slug ??= app
      .auth()
      .then((github) => github.rest.apps.getAuthenticated())
      .then(({ data }) => data?.slug ?? "")
      .catch((error: unknown) => {
        slug = undefined;
        app.log.warn({ err: error }, "could not read the App's slug");
        return "";
      }));

  return async ({ id, job, attempt, maxAttempts }) => {
    const started = process.hrtime.bigint();
    const log = app.log.child({
      job: id,
      delivery: job.deliveryId,
      repo: `${job.owner}/${job.repo}`,
      ...(job.kind === "analyse-run" ? { run: job.runId } : { pull: job.pullNumber }),
    });
    const finalAttempt = attempt >= maxAttempts;
    try {
      const ctx: JobContext = {
        github: await installationClient(app, job.installationId),
        log,
        deps,
        appSlug: await appSlug(),
        finalAttempt,
      };
      try {
        if (job.kind === "analyse-run") await analyseRun(ctx, job);
        else await runCommand(ctx, job);
      } catch (error) {
        if ((error as { status?: number }).status === 401)
          await refreshToken(ctx, job.installationId);
        if (job.kind === "analyse-run" && finalAttempt && isRetryable(error))
          await reportFailedAnalysis(ctx, job, error);
        throw error;
      }
      deps.metrics.jobs.inc({ name: job.kind, state: "completed" });
    } catch (caught) {
      const error = uninstalled(caught)
        ? new PermanentError(`the App can no longer access installation ${job.installationId}`)
        : caught;
      const retried = isRetryable(error) && !finalAttempt;
      deps.metrics.jobs.inc({ name: job.kind, state: retried ? "retried" : "failed" });
      log[retried ? "warn" : "error"](
        { err: error, attempt },
        retried ? "job failed, will retry" : "job failed",
      );
      throw error;
    } finally {
      deps.metrics.jobDuration.observe(
        { name: job.kind },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    }
  };
}
