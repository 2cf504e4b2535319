import { replyInThread } from "../github/comments.js";
import type { GuardrailComment } from "../github/review-comments.js";
import { listGuardrailThreads, setThreadResolved } from "../github/review-threads.js";
import type { JobContext } from "../jobs/job-context.js";
import type { Evaluation } from "./evaluate.js";

/**
 * A thread whose finding is gone is resolved with a reply naming the fixing commit; one whose
 * finding is now suppressed is resolved quietly (the command already replied). The thread query
 * (GraphQL, throttled like a write) is made only when some comment's finding went either way.
 */
export async function reconcileThreads(
  ctx: JobContext,
  where: { owner: string; repo: string; pullNumber: number; headSha: string },
  comments: GuardrailComment[],
  evaluation: Evaluation,
): Promise<void> {
  const present = new Map(evaluation.triaged.map((t) => [t.finding.fingerprint, t]));
  const gone = (fingerprint: string) => !present.has(fingerprint);
  const candidates = comments.filter(
    (c) => gone(c.fingerprint) || present.get(c.fingerprint)?.suppressedBy,
  );
  if (candidates.length === 0) return;

  const threads = await listGuardrailThreads(ctx.github, { ...where, appSlug: ctx.appSlug });
  const wanted = new Set(candidates.map((c) => c.commentId));
  for (const thread of threads) {
    if (thread.isResolved || !wanted.has(thread.commentId)) continue;
    if (gone(thread.fingerprint)) {
      await replyInThread(ctx.github, {
        ...where,
        commentId: thread.commentId,
        body: `✅ ${thread.findingId} is no longer reported as of ${where.headSha.slice(0, 7)}: resolving.`,
      });
    }
    await setThreadResolved(ctx.github, thread.threadId, true);
  }
}
