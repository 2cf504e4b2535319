import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { NotificationStore } from "../store/notifications.js";
import type { ChatChannel } from "./chat-channel.js";
import { systemClock, type Clock } from "./clock.js";
import { planDelivery } from "./delivery-plan.js";
import type { NotifyEvent } from "./notify-event.js";
import { backoffMs } from "./retry-after.js";

/** At most one request per second per webhook (Slack's documented incoming-webhook limit). */
export const MIN_SEND_INTERVAL_MS = 1_000;
/** A claim outlives a send (10 s timeout) with room to spare; a dead sender's claim lapses. */
const CLAIM_MS = 60_000;
/** One drain job sends this much, then hands over (the job is re-queued for what is left). */
const MAX_MESSAGES_PER_DRAIN = 30;
/** Waiting in-process for pacing is fine up to this; longer waits become a delayed job. */
const MAX_INLINE_WAIT_MS = 5_000;

export interface DrainOptions {
  log: Logger;
  clock?: Clock;
  windowMs?: number;
}

/**
 * Sends what is due on one webhook, one repository's events per message, and returns when to
 * come back (null: nothing left). A failure never throws: the entries are released with a
 * backoff (or the webhook's Retry-After) and sent on a later drain.
 */
export async function drainOutbox(
  store: NotificationStore,
  channel: ChatChannel,
  options: DrainOptions,
): Promise<{ sent: number; wakeAt: Date | null }> {
  const clock = options.clock ?? systemClock;
  let sent = 0;
  for (;;) {
    const now = clock.now();
    const pending = await store.pending(channel.name, new Date(now));
    const plan = planDelivery({
      pending,
      lastSent: await store.lastSent(channel.name, [...new Set(pending.map((p) => p.repo))]),
      notBefore: await store.notBefore(channel.name),
      now,
      ...(options.windowMs === undefined ? {} : { windowMs: options.windowMs }),
    });
    if (plan.batch === null || sent >= MAX_MESSAGES_PER_DRAIN) {
      const wakeAt = plan.batch !== null ? now : plan.wakeAt;
      if (wakeAt !== null && wakeAt - now <= MAX_INLINE_WAIT_MS && sent < MAX_MESSAGES_PER_DRAIN) {
        await clock.sleep(Math.max(0, wakeAt - now));
        continue;
      }
      return { sent, wakeAt: wakeAt === null ? null : new Date(wakeAt) };
    }
    const ids = await store.claim(
      plan.batch.ids,
      randomUUID(),
      new Date(now + CLAIM_MS),
      new Date(now),
    );
    if (ids.length === 0) continue;
    const entries = pending.filter((p) => ids.includes(p.id));
    const events = entries.map((e) => JSON.parse(e.payload) as NotifyEvent);
    const result = await channel.send(plan.batch.repo, events);
    const after = clock.now();
    if (result.status === "sent") {
      await store.markSent(ids, new Date(after));
      await store.setNotBefore(channel.name, new Date(after + MIN_SEND_INTERVAL_MS));
      sent += 1;
      options.log.info({ channel: channel.name, events: ids.length }, "chat notification sent");
    } else if (result.status === "rate_limited") {
      const until = new Date(after + Math.max(result.retryAfterMs, MIN_SEND_INTERVAL_MS));
      await store.setNotBefore(channel.name, until);
      await store.release(ids, new Date(after), null);
      options.log.warn({ channel: channel.name, until }, "chat webhook rate-limited (429)");
    } else {
      const attempts = Math.max(...entries.map((e) => e.attempts));
      await store.release(ids, new Date(after + backoffMs(attempts)), { error: result.error });
      await store.setNotBefore(channel.name, new Date(after + MIN_SEND_INTERVAL_MS));
      options.log.warn({ channel: channel.name, error: result.error }, "chat notification failed");
    }
  }
}
