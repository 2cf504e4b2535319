import type { Logger } from "pino";
import type { GuardrailConfig } from "../config/schema.js";
import { eventKey, type NotifyEvent } from "./notify-event.js";
import type { Notifier } from "./notifier.js";
import { selectEvents } from "./select-events.js";

/**
 * Puts the events the repository's `notify` config wants into the outbox, once per webhook,
 * event and finding, and wakes each webhook's drain. Never throws: a chat problem (or a queue
 * hiccup: the maintenance timer drains too) must not fail the analysis or command that found it.
 */
export async function queueNotifications(
  notifier: Notifier | undefined,
  config: Pick<GuardrailConfig, "notify">,
  events: readonly NotifyEvent[],
  log: Logger,
  now = new Date(),
): Promise<number> {
  if (notifier === undefined || notifier.channels.length === 0) return 0;
  const wanted = selectEvents(config, events);
  if (wanted.length === 0) return 0;
  let added = 0;
  for (const channel of notifier.channels) {
    try {
      const fresh = await notifier.store.add(
        wanted.map((event) => ({
          dedupeKey: `${channel.name}:${eventKey(event)}`,
          channel: channel.name,
          repo: event.repo.toLowerCase(),
          event: event.kind,
          payload: JSON.stringify(event),
          at: now,
        })),
      );
      if (fresh > 0) await notifier.wake(channel.name);
      added += fresh;
    } catch (error) {
      log.warn({ err: error, channel: channel.name }, "could not queue chat notifications");
    }
  }
  return added;
}
