import type { Probot } from "probot";
import type { AppDeps } from "../app-deps.js";
import type { GitHub } from "../github/octokit.js";
import type { JobRunner } from "../queue/queue.js";
import { analyseRun } from "../pipeline/analyse-run.js";
import { runCommand } from "../commands/run-command.js";
import type { JobContext } from "./job-context.js";

/** Turns a queued job into a call into the domain, with an installation client and a child logger. */
export function createJobRunner(app: Probot, deps: AppDeps): JobRunner {
  let slug: Promise<string> | undefined;
  const appSlug = () =>
    (slug ??= (app.auth() as Promise<GitHub>)
      .then((github) => github.rest.apps.getAuthenticated())
      .then(({ data }) => data?.slug ?? "guardrail")
      .catch((error: unknown) => {
        slug = undefined;
        throw error;
      }));

  return async ({ id, job, attempt, maxAttempts }) => {
    const started = process.hrtime.bigint();
    const log = app.log.child({
      job: id,
      delivery: job.deliveryId,
      repo: `${job.owner}/${job.repo}`,
      ...(job.kind === "analyse-run" ? { run: job.runId } : { pull: job.pullNumber }),
    });
    const ctx: JobContext = {
      github: (await app.auth(job.installationId)) as GitHub,
      log,
      deps,
      appSlug: await appSlug(),
      finalAttempt: attempt >= maxAttempts,
    };
    try {
      if (job.kind === "analyse-run") await analyseRun(ctx, job);
      else await runCommand(ctx, job);
      deps.metrics.jobs.inc({ name: job.kind, state: "completed" });
    } catch (error) {
      deps.metrics.jobs.inc({ name: job.kind, state: ctx.finalAttempt ? "failed" : "retried" });
      throw error;
    } finally {
      deps.metrics.jobDuration.observe({ name: job.kind }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
}
