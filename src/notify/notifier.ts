import type { NotificationStore } from "../store/notifications.js";
import type { ChannelName, ChatChannel } from "./chat-channel.js";

/** What producers of events need: the outbox, the configured webhooks, a way to wake a drain. */
export interface Notifier {
  store: NotificationStore;
  channels: readonly ChatChannel[];
  /** Queues a drain of this webhook (a durable job), due at `at` or at once. */
  wake(channel: ChannelName, at?: Date): Promise<void>;
}
