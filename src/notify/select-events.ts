import type { GuardrailConfig } from "../config/schema.js";
import { severityRank } from "../findings/finding.js";
import type { NotifyEvent } from "./notify-event.js";

/**
 * The repository's `notify` config decides what is sent: the event must be listed in `on`, and
 * a finding's severity at or above `min_severity` (an event without one, such as a rule-wide
 * suppression expiring, is judged by its kind alone).
 */
export function selectEvents(
  config: Pick<GuardrailConfig, "notify">,
  events: readonly NotifyEvent[],
): NotifyEvent[] {
  const { on, min_severity: min } = config.notify;
  return events.filter(
    (event) =>
      on.includes(event.kind) &&
      (event.severity === undefined || severityRank(event.severity) <= severityRank(min)),
  );
}
