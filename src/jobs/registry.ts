import { runCommand } from "../commands/run-command.js";
import type { JobKind, JobKinds } from "../domain/job.js";
import { syncBacklogAfter } from "../backlog/sync-after-analysis.js";
import { escalateAnalysis } from "../notify/escalate-analysis.js";
import { runNotifyJob } from "../notify/run-notify-job.js";
import { analyseRun } from "../pipeline/analyse-run.js";
import type { JobContext } from "../pipeline/job-context.js";
import { reportFailedAnalysis } from "../pipeline/report-failure.js";
import { runRequiredToolsJob } from "../pipeline/required-scanners.js";

/** What the runner does with one kind of job. */
export interface JobHandler<J> {
  run(ctx: JobContext, job: J): Promise<void>;
  /** The last try failed with an internal error: tell the user (best effort, never throws). */
  onFinalFailure?(ctx: JobContext, job: J, error: unknown): Promise<void>;
}

export type JobHandlers = { [K in JobKind]: JobHandler<JobKinds[K]> };

/** Kind → handler: a new job kind is one line here (and its type in src/domain/job.ts). */
export const jobHandlers: JobHandlers = {
  "analyse-run": { run: analyseAndEscalate, onFinalFailure: reportFailedAnalysis },
  command: { run: runCommand },
  notify: { run: runNotifyJob },
  "required-tools": { run: runRequiredToolsJob },
};

/** The analysis, then what acts on its outcome: chat notifications and backlog issues. */
async function analyseAndEscalate(ctx: JobContext, job: JobKinds["analyse-run"]): Promise<void> {
  const outcome = await analyseRun(ctx, job);
  if (outcome === null) return;
  await escalateAnalysis(ctx, job, outcome);
  await syncBacklogAfter(ctx, outcome);
}

/** The handler of a job, typed by its kind. */
export function handlerOf<K extends JobKind>(kind: K): JobHandler<JobKinds[K]> {
  return jobHandlers[kind];
}
