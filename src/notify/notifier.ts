import type { AppDeps } from "../app-deps.js";
import type { RepoRef } from "../domain/job.js";
import type { NotificationStore } from "../store/notifications.js";
import type { ChannelName, ChatChannel } from "./chat-channel.js";
import { notifyJobOf } from "./notify-job.js";
import { slackChannel } from "./slack-channel.js";
import { teamsChannel } from "./teams-channel.js";

/** What producers of events need: the outbox, the configured webhooks, a way to wake a drain. */
export interface Notifier {
  store: NotificationStore;
  channels: readonly ChatChannel[];
  /** Queues a drain of this webhook (a durable job), due at once. */
  wake(channel: ChannelName): Promise<void>;
}

/** The chat webhooks the deployment configured; none: notifications are off. */
export function chatChannelsOf(deps: Pick<AppDeps, "chatWebhooks">): ChatChannel[] {
  const { slack, teams } = deps.chatWebhooks ?? {};
  return [...(slack ? [slackChannel(slack)] : []), ...(teams ? [teamsChannel(teams)] : [])];
}

/** A notifier whose drain jobs run under `origin`'s installation (the runner wants one). */
export function notifierFor(deps: AppDeps, origin: RepoRef): Notifier | undefined {
  const channels = chatChannelsOf(deps);
  if (channels.length === 0) return undefined;
  return {
    store: deps.store.notifications,
    channels,
    wake: (channel) => deps.queue.enqueue(notifyJobOf(origin, channel)),
  };
}
