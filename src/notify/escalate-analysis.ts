import type { AnalyseRunJob } from "../domain/job.js";
import {
  defaultBranchPush,
  repoWebUrlOf,
  type AnalysisOutcome,
} from "../pipeline/analysis-outcome.js";
import type { JobContext } from "../pipeline/job-context.js";
import { policyFor } from "../triage/gate.js";
import { escapeEvents, gateFailureEvents, isProtectedBase } from "./analysis-events.js";
import type { NotifyEvent } from "./notify-event.js";
import { notifierFor } from "./notifier.js";
import { notifyExpiring } from "./notify-suppression.js";
import { queueNotifications } from "./queue-notifications.js";

/**
 * After the analysis is reported and stored: chat events for gate failures on protected
 * branches, escapes onto the default branch and suppressions about to expire. Never fails the
 * analysis: sending happens later, from the outbox.
 */
export async function escalateAnalysis(
  ctx: JobContext,
  job: AnalyseRunJob,
  outcome: AnalysisOutcome,
): Promise<void> {
  const { analysis, config } = outcome;
  const { run } = analysis;
  const repo = `${run.owner}/${run.repo}`;
  const repoUrl = repoWebUrlOf(analysis);
  const where = { repo, repoUrl, sha: run.headSha };
  const notifier = notifierFor(ctx.deps, job);
  const events: NotifyEvent[] = [];
  try {
    for (const target of outcome.targets) {
      if (target.pr === null || !isProtectedBase(target.pr.baseRef, analysis.defaultBranch))
        continue;
      const pr = {
        number: target.pr.number,
        url: `${repoUrl}/pull/${target.pr.number}`,
        base: target.pr.baseRef,
      };
      const policy = policyFor(config, target.pr.baseRef, analysis.defaultBranch);
      const checkUrl = `${repoUrl}/runs/${target.checkRunId}`;
      events.push(
        ...gateFailureEvents({ ...where, pr, checkUrl }, target.gate, target.triaged, policy),
      );
    }
    const push = defaultBranchPush(outcome);
    if (push && notifier) {
      const landed = await notifier.store.landedAt({
        repo,
        branch: run.headBranch,
        sha: run.headSha,
      });
      const suppressed = new Set(
        push.triaged.filter((t) => t.suppressedBy !== null).map((t) => t.finding.fingerprint),
      );
      events.push(
        ...escapeEvents(
          { ...where, branch: run.headBranch },
          analysis.findings,
          landed,
          suppressed,
        ),
      );
    }
    await queueNotifications(notifier, config, events, ctx.log);
    await notifyExpiring({ notifier, log: ctx.log }, config, repo);
  } catch (error) {
    ctx.log.warn({ err: error }, "could not queue chat notifications for this analysis");
  }
}
