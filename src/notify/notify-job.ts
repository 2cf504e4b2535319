import type { RepoRef } from "../domain/job.js";
import type { ChannelName } from "./chat-channel.js";

/** Drain one chat webhook's outbox; the repository only lends its installation to the runner. */
export interface NotifyJob extends RepoRef {
  kind: "notify";
  deliveryId: string;
  channel: ChannelName;
  /** One queued drain per webhook: waking it again moves the queued one, never adds another. */
  singletonKey: string;
}

declare module "../domain/job.js" {
  interface JobKinds {
    notify: NotifyJob;
  }
}

export function notifyJobOf(origin: RepoRef, channel: ChannelName): NotifyJob {
  return {
    kind: "notify",
    installationId: origin.installationId,
    owner: origin.owner,
    repo: origin.repo,
    deliveryId: `notify:${channel}`,
    channel,
    singletonKey: `notify:${channel}`,
  };
}
