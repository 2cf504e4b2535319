import type { Logger } from "pino";
import type { AppDeps } from "../app-deps.js";
import { drainOutbox } from "./drain-outbox.js";
import { chatChannelsOf } from "./notifier.js";

/**
 * The safety net under the notify jobs: every minute each webhook's outbox is drained in
 * process, so a message whose job was lost (a queue outage when it was woken, a restart, an
 * uninstalled installation lending it) is still sent. Claims keep it from doubling a job's send.
 */
export function scheduleChatDrain(deps: AppDeps, log: Logger, everyMs = 60_000): () => void {
  const channels = chatChannelsOf(deps);
  if (channels.length === 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void Promise.all(
      channels.map((channel) =>
        drainOutbox(deps.store.notifications, channel, { log }).catch((error: unknown) =>
          log.warn({ err: error, channel: channel.name }, "chat outbox drain failed"),
        ),
      ),
    ).finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
