import { retryAfterMs } from "./retry-after.js";
import { SEND_TIMEOUT_MS, type ChatChannel } from "./chat-channel.js";
import { teamsMessage } from "./teams-card.js";

/** Teams through a Workflows webhook (it answers 202 Accepted), with an Adaptive Card. */
export function teamsChannel(url: string, fetchFn: typeof fetch = globalThis.fetch): ChatChannel {
  return {
    name: "teams",
    async send(repo, events) {
      let response: Response;
      try {
        response = await fetchFn(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(teamsMessage(repo, events)),
          redirect: "error",
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
      } catch (error) {
        return { status: "failed", error: (error as Error).message };
      }
      // The body is not needed; reading it frees the connection.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { status: "sent" };
      if (response.status === 429) {
        return {
          status: "rate_limited",
          retryAfterMs: retryAfterMs(response.headers.get("retry-after"), Date.now()),
        };
      }
      return { status: "failed", error: `HTTP ${response.status}` };
    },
  };
}
