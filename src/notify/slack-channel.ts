import { IncomingWebhook, IncomingWebhookHTTPError } from "@slack/webhook";
import type { FetchFunction } from "@slack/webhook";
import { retryAfterMs } from "./retry-after.js";
import { SEND_TIMEOUT_MS, type ChatChannel } from "./chat-channel.js";
import { slackMessage } from "./slack-message.js";

/**
 * Slack through `@slack/webhook`. Its errors carry the status but not the headers, so the
 * response is kept from the fetch it is given: a 429's Retry-After comes from there. Its own
 * retries stay off: the outbox retries, durably, and paces the webhook.
 */
export function slackChannel(url: string, fetchFn: typeof fetch = globalThis.fetch): ChatChannel {
  return {
    name: "slack",
    async send(repo, events) {
      let last: Awaited<ReturnType<FetchFunction>> | undefined;
      const keeping: FetchFunction = async (target, init) => {
        last = await fetchFn(target, init);
        return last;
      };
      const webhook = new IncomingWebhook(url, {
        fetch: keeping,
        timeout: SEND_TIMEOUT_MS,
        retryConfig: { retries: 0 },
      });
      try {
        await webhook.send({ ...slackMessage(repo, events), unfurl_links: false });
        return { status: "sent" };
      } catch (error) {
        const http = error instanceof IncomingWebhookHTTPError ? error : undefined;
        if (http?.statusCode === 429) {
          return {
            status: "rate_limited",
            retryAfterMs: retryAfterMs(last?.headers.get("retry-after"), Date.now()),
          };
        }
        return {
          status: "failed",
          error: http ? `HTTP ${http.statusCode}` : (error as Error).message,
        };
      }
    },
  };
}
