import type { Probot } from "probot";
import type { AppDeps } from "../app-deps.js";
import type { GitHub } from "../github/octokit.js";
import type { JobRunner } from "../queue/queue.js";
import type { Job } from "../domain/job.js";
import { isRetryable, PermanentError } from "../domain/errors.js";
import type { JobContext } from "../pipeline/job-context.js";
import { handlerOf, type JobHandler } from "./registry.js";

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
      ...logFieldsOf(job),
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
      // The kind picks the handler; the cast is the one place the union meets its own member.
      const handler = handlerOf(job.kind) as JobHandler<Job>;
      try {
        await handler.run(ctx, job);
      } catch (error) {
        if ((error as { status?: number }).status === 401)
          await refreshToken(ctx, job.installationId);
        if (finalAttempt && isRetryable(error)) await handler.onFinalFailure?.(ctx, job, error);
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

/** The run or pull request a job is about, for its log lines. */
function logFieldsOf(job: Job): Record<string, number> {
  const fields: Record<string, number> = {};
  if ("runId" in job) fields.run = job.runId;
  if ("pullNumber" in job) fields.pull = job.pullNumber;
  return fields;
}
