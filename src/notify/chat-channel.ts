import type { NotifyEvent } from "./notify-event.js";

export type ChannelName = "slack" | "teams";

export type SendResult =
  | { status: "sent" }
  | { status: "rate_limited"; retryAfterMs: number }
  | { status: "failed"; error: string };

/** A chat webhook: renders one repository's events as one message and posts it. */
export interface ChatChannel {
  name: ChannelName;
  send(repo: string, events: readonly NotifyEvent[]): Promise<SendResult>;
}

/** Slack and Teams both answer within seconds; a hung endpoint must not hold a worker. */
export const SEND_TIMEOUT_MS = 10_000;
