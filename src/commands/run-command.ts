import { commentOnPull, getReviewComment, react, replyInThread } from "../github/comments.js";
import { isApp, setThreadResolved, type GuardrailThread } from "../github/review-threads.js";
import type { CommandJob } from "../jobs/job.js";
import type { JobContext } from "../jobs/job-context.js";
import { reevaluate } from "../pipeline/reevaluate.js";
import { parseMarker } from "../report/marker.js";
import { CommandSession } from "./command-session.js";
import { execute, type ThreadFinding } from "./execute.js";
import { parseCommands } from "./parse.js";

/**
 * A PR comment with Guardrail commands: acknowledge with a reaction, act (permission-checked,
 * recorded with its audit trail), re-evaluate the check run once, resolve or reopen the thread,
 * and reply where the command was written.
 */
export async function runCommand(ctx: JobContext, job: CommandJob): Promise<void> {
  const where = { owner: job.owner, repo: job.repo };
  const thread = await threadFinding(ctx, job);
  const commands = parseCommands(job.body, thread ? "thread" : "conversation");
  if (commands.length === 0) return;
  await react(ctx.github, {
    ...where,
    source: job.source,
    commentId: job.commentId,
    content: "eyes",
  });

  const session = new CommandSession(ctx, job);
  const replies: string[] = [];
  for (const [index, command] of commands.entries())
    replies.push(await execute(session, command, thread, index));

  if (session.changed) replies.push(...(await reevaluateAll(ctx, session)));

  const body = replies.join("\n\n");
  if (job.source === "review_comment" && job.inReplyToId !== undefined) {
    await replyInThread(ctx.github, {
      ...where,
      pullNumber: job.pullNumber,
      commentId: job.inReplyToId,
      body,
    });
  } else {
    await commentOnPull(ctx.github, { ...where, pullNumber: job.pullNumber, body });
  }
}

/**
 * Every check run of the PR (one per scanner workflow) is judged again with the new
 * suppressions; threads follow. Returns a line per check run for the reply.
 */
async function reevaluateAll(ctx: JobContext, session: CommandSession): Promise<string[]> {
  const [pr, analyses, config] = await Promise.all([
    session.pr(),
    session.analyses(),
    session.config(),
  ]);
  const lines: string[] = [];
  const suppressed = new Map<string, boolean>();
  let threads: GuardrailThread[] = [];
  for (const analysis of analyses) {
    const result = await reevaluate(ctx, { ...session.where, pr, analysis, config });
    if (!result) continue;
    const { gate, triaged } = result.evaluation;
    const name = analyses.length > 1 ? ` (${analysis.record.workflowName})` : "";
    lines.push(`Check run${name} updated: **${gate.conclusion}**. ${gate.reason}`);
    for (const t of triaged) {
      suppressed.set(
        t.finding.fingerprint,
        (suppressed.get(t.finding.fingerprint) ?? false) || t.suppressedBy !== null,
      );
    }
    threads = result.threads;
  }
  await syncThreads(ctx, threads, suppressed, session.reopened);
  return lines;
}

/** The finding of the Guardrail thread this comment replies in; null anywhere else. */
async function threadFinding(ctx: JobContext, job: CommandJob): Promise<ThreadFinding | null> {
  if (job.source !== "review_comment" || job.inReplyToId === undefined) return null;
  const root = await getReviewComment(ctx.github, {
    owner: job.owner,
    repo: job.repo,
    commentId: job.inReplyToId,
  });
  // Only a thread Guardrail itself started counts: anyone can paste a marker into a comment.
  const mine = ctx.appSlug ? isApp(root.authorLogin, ctx.appSlug) : root.authorType === "Bot";
  if (!mine) return null;
  return parseMarker(root.body);
}

/**
 * Threads follow suppressions: a thread whose finding is now suppressed is resolved; one whose
 * finding a `/open` just lifted is reopened. Threads people resolved by hand are left alone.
 */
async function syncThreads(
  ctx: JobContext,
  threads: GuardrailThread[],
  suppressed: Map<string, boolean>,
  reopened: ReadonlySet<string>,
): Promise<void> {
  for (const t of threads) {
    const isSuppressed = suppressed.get(t.fingerprint);
    if (isSuppressed === true && !t.isResolved) {
      await setThreadResolved(ctx.github, t.threadId, true);
    } else if (isSuppressed === false && t.isResolved && reopened.has(t.fingerprint)) {
      await setThreadResolved(ctx.github, t.threadId, false);
    }
  }
}
