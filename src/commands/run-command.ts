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

  if (session.changed) {
    const [pr, analysis, config] = await Promise.all([
      session.pr(),
      session.analysis(),
      session.config(),
    ]);
    const result = analysis ? await reevaluate(ctx, { ...where, pr, analysis, config }) : null;
    if (result) {
      const { gate, triaged } = result.evaluation;
      replies.push(`Check run updated: **${gate.conclusion}**. ${gate.reason}`);
      const suppressed = new Map(
        triaged.map((t) => [t.finding.fingerprint, t.suppressedBy !== null]),
      );
      await syncThreads(ctx, result.threads, suppressed);
    }
  }

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

/** The finding of the Guardrail thread this comment replies in; null anywhere else. */
async function threadFinding(ctx: JobContext, job: CommandJob): Promise<ThreadFinding | null> {
  if (job.source !== "review_comment" || job.inReplyToId === undefined) return null;
  const root = await getReviewComment(ctx.github, {
    owner: job.owner,
    repo: job.repo,
    commentId: job.inReplyToId,
  });
  // Only a thread Guardrail itself started counts: anyone can paste a marker into a comment.
  if (!isApp(root.authorLogin, ctx.appSlug)) return null;
  return parseMarker(root.body);
}

/**
 * Threads follow suppressions: resolved when their finding is suppressed, reopened when it counts
 * again. Threads of findings no longer reported are left as they are.
 */
async function syncThreads(
  ctx: JobContext,
  threads: GuardrailThread[],
  suppressed: Map<string, boolean>,
): Promise<void> {
  for (const t of threads) {
    const shouldResolve = suppressed.get(t.fingerprint);
    if (shouldResolve !== undefined && t.isResolved !== shouldResolve) {
      await setThreadResolved(ctx.github, t.threadId, shouldResolve);
    }
  }
}
