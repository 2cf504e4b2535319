import { EVENT_TITLES, type NotifyEvent } from "./notify-event.js";
import { mrkdwnLink, mrkdwnText } from "./mrkdwn.js";
import { MAX_EVENTS_PER_MESSAGE, MAX_FIELD_CHARS, MAX_MESSAGE_CHARS } from "./message-limits.js";

interface SlackBlock {
  type: "section" | "context";
  text?: { type: "mrkdwn"; text: string };
  elements?: { type: "mrkdwn"; text: string }[];
}

export interface SlackMessage {
  /** Notification and fallback text. */
  text: string;
  blocks: SlackBlock[];
}

/** One message for one repository's events: a headline, then one section per event. */
export function slackMessage(repo: string, events: readonly NotifyEvent[]): SlackMessage {
  const shown = events.slice(0, MAX_EVENTS_PER_MESSAGE);
  const rest = events.length - shown.length;
  const headline = `Guardrail · ${mrkdwnText(repo, MAX_FIELD_CHARS)}: ${countLine(events)}`;
  const blocks: SlackBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${headline}*` } },
    ...shown.map((event) => ({
      type: "section" as const,
      text: { type: "mrkdwn" as const, text: eventText(event) },
    })),
  ];
  if (rest > 0) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `…and ${rest} more: see the check runs and console` }],
    });
  }
  return { text: headline, blocks };
}

function eventText(event: NotifyEvent): string {
  const what = [
    `*${EVENT_TITLES[event.kind]}*`,
    event.severity,
    event.rule && `${mrkdwnText(event.rule, MAX_FIELD_CHARS)}${toolOf(event)}`,
    event.findingId && mrkdwnText(event.findingId, 20),
  ].filter(Boolean);
  const where = [
    event.context && mrkdwnText(event.context, MAX_FIELD_CHARS),
    ...event.links.map((link) => mrkdwnLink(link.url, link.label)),
  ].filter(Boolean);
  return [what.join(" · "), mrkdwnText(event.message, MAX_MESSAGE_CHARS), where.join(" · ")]
    .filter((line) => line !== "")
    .join("\n");
}

function toolOf(event: NotifyEvent): string {
  return event.tool ? ` (${mrkdwnText(event.tool, MAX_FIELD_CHARS)})` : "";
}

/** "2 gate failures, 1 escape" in the order events first appear. */
export function countLine(events: readonly NotifyEvent[]): string {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return [...counts]
    .map(([kind, n]) => `${n} ${kind.replace(/_/g, " ")}${n === 1 ? "" : "s"}`)
    .join(", ");
}
