import type { JobContext } from "../pipeline/job-context.js";
import type { ChatChannel } from "./chat-channel.js";
import { drainOutbox } from "./drain-outbox.js";
import { chatChannelsOf } from "./notifier.js";
import type { NotifyJob } from "./notify-job.js";

/**
 * The `notify` job: sends what is due on one webhook, then queues itself again for when the
 * rest is due (a follow-up, a backoff, a Retry-After). It never fails: a chat outage waits.
 */
export async function runNotifyJob(ctx: JobContext, job: NotifyJob): Promise<void> {
  const channel = chatChannelsOf(ctx.deps).find((c: ChatChannel) => c.name === job.channel);
  if (channel === undefined) {
    ctx.log.info({ channel: job.channel }, "chat webhook no longer configured: outbox kept");
    return;
  }
  const { wakeAt } = await drainOutbox(ctx.deps.store.notifications, channel, { log: ctx.log });
  if (wakeAt !== null) await ctx.deps.queue.enqueue(job, { startAfter: wakeAt });
}
