import { replyInThread } from "../github/comments.js";
import type { GuardrailComment } from "../github/review-comments.js";
import { listGuardrailThreads, setThreadResolved } from "../github/review-threads.js";
import { planThreads, type CommandChange, type ThreadPlan } from "../report/thread-plan.js";
import type { TriagedFinding } from "../triage/disposition.js";
import type { JobContext } from "./job-context.js";

/**
 * The executor of src/report/thread-plan.ts: threads follow what was just judged. Given the PR's
 * comments from the REST list (an analysis has them already), the thread query (GraphQL,
 * throttled like a write) is made only when the plan over those comments resolves something.
 */
export async function followThreads(
  ctx: JobContext,
  where: { owner: string; repo: string; pullNumber: number; headSha: string },
  input: {
    judged: readonly TriagedFinding[];
    change: CommandChange | null;
    comments?: readonly GuardrailComment[] | undefined;
  },
): Promise<void> {
  const { judged, change, comments } = input;
  if (comments) {
    const asThreads = comments.map((c) => ({ ...c, threadId: "", isResolved: false }));
    const draft = planThreads({ threads: asThreads, judged, change, headSha: where.headSha });
    if (draft.resolve.length === 0 && (change === null || change.reopened.size === 0)) return;
  }
  const threads = await listGuardrailThreads(ctx.github, { ...where, appSlug: ctx.appSlug });
  await executeThreadPlan(
    ctx,
    where,
    planThreads({ threads, judged, change, headSha: where.headSha }),
  );
}

/** The one executor of a thread plan: replies first, so a resolved thread says why. */
export async function executeThreadPlan(
  ctx: JobContext,
  where: { owner: string; repo: string; pullNumber: number },
  plan: ThreadPlan,
): Promise<void> {
  for (const { thread, body } of plan.reply)
    await replyInThread(ctx.github, { ...where, commentId: thread.commentId, body });
  for (const thread of plan.resolve) await setThreadResolved(ctx.github, thread.threadId, true);
  for (const thread of plan.reopen) await setThreadResolved(ctx.github, thread.threadId, false);
}
