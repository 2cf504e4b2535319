import { commentOnPull, getReviewComment, react, replyInThread } from "../github/comments.js";
import { ourMarker } from "../github/our-comment.js";
import type { CommandJob } from "../domain/job.js";
import type { JobContext } from "../pipeline/job-context.js";
import { rejudgePull } from "../pipeline/rejudge-pull.js";
import { CommandSession } from "./command-session.js";
import { execute, type ThreadFinding } from "./execute.js";
import { parseCommands } from "./parse.js";
import { notifySuppressionEvent } from "../notify/notify-suppression.js";

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
  await notifyApprovals(session);

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

/** Every check run of the PR is judged again with the new suppressions: a line per check run. */
async function reevaluateAll(ctx: JobContext, session: CommandSession): Promise<string[]> {
  const [pr, analyses, config] = await Promise.all([
    session.pr(),
    session.analyses(),
    session.config(),
  ]);
  const change = { reopened: session.reopened };
  const rejudged = await rejudgePull(ctx, { where: session.where, pr, analyses, config, change });
  return rejudged.map(({ workflowName, evaluation: { gate } }) => {
    const name = analyses.length > 1 ? ` (${workflowName})` : "";
    return `Check run${name} updated: **${gate.conclusion}**. ${gate.reason}`;
  });
}

/** Requests wait for a champion and approvals wave a finding through: the chat hears of both. */
async function notifyApprovals(session: CommandSession): Promise<void> {
  const notices = [
    ...session.requested.map((suppression) => ({
      kind: "suppression_request" as const,
      suppression,
      actor: suppression.author,
    })),
    ...session.decided
      .filter((d) => d.verdict === "approved")
      .map(({ suppression }) => ({
        kind: "suppression_approved" as const,
        suppression,
        actor: suppression.decision?.by ?? session.job.author,
      })),
  ];
  if (notices.length === 0) return;
  const [config, findings] = await Promise.all([session.config(), session.findings()]);
  for (const notice of notices) {
    const finding = findings.find((f) => f.id === notice.suppression.findingId);
    await notifySuppressionEvent(session.ctx, session.job, config, {
      ...notice,
      ...(finding ? { finding } : {}),
    });
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
  return ourMarker(root.body, { login: root.authorLogin, type: root.authorType }, ctx.appSlug);
}
