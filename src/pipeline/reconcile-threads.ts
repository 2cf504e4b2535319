import { replyInThread } from "../github/comments.js";
import { setThreadResolved, type GuardrailThread } from "../github/review-threads.js";
import type { JobContext } from "../jobs/job-context.js";
import type { Evaluation } from "./evaluate.js";

/**
 * A thread whose finding is gone is resolved with a reply naming the fixing commit; one whose
 * finding is now suppressed is resolved quietly (the command already replied).
 */
export async function reconcileThreads(
  ctx: JobContext,
  where: { owner: string; repo: string; pullNumber: number; headSha: string },
  threads: GuardrailThread[],
  evaluation: Evaluation,
): Promise<void> {
  const present = new Map(evaluation.triaged.map((t) => [t.finding.fingerprint, t]));
  for (const thread of threads) {
    if (thread.isResolved) continue;
    const triaged = present.get(thread.fingerprint);
    if (!triaged) {
      await replyInThread(ctx.github, {
        ...where,
        commentId: thread.commentId,
        body: `✅ ${thread.findingId} is no longer reported as of ${where.headSha.slice(0, 7)}: resolving.`,
      });
      await setThreadResolved(ctx.github, thread.threadId, true);
    } else if (triaged.suppressedBy) {
      await setThreadResolved(ctx.github, thread.threadId, true);
    }
  }
}
