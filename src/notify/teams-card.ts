import { cardPlain, cardText, cardUrl } from "./card-text.js";
import { countLine } from "./slack-message.js";
import { EVENT_TITLES, type NotifyEvent } from "./notify-event.js";
import { MAX_EVENTS_PER_MESSAGE, MAX_FIELD_CHARS, MAX_MESSAGE_CHARS } from "./message-limits.js";

type CardElement = Record<string, unknown>;

/** What a Teams Workflows webhook ("When a Teams webhook request is received") takes. */
export interface TeamsMessage {
  type: "message";
  attachments: {
    contentType: "application/vnd.microsoft.card.adaptive";
    contentUrl: null;
    content: CardElement;
  }[];
}

/** One Adaptive Card for one repository's events; links are buttons, never inline markdown. */
export function teamsMessage(repo: string, events: readonly NotifyEvent[]): TeamsMessage {
  const shown = events.slice(0, MAX_EVENTS_PER_MESSAGE);
  const rest = events.length - shown.length;
  const body: CardElement[] = [
    text(`Guardrail · ${cardText(repo, MAX_FIELD_CHARS)}: ${countLine(events)}`, {
      weight: "Bolder",
      size: "Medium",
    }),
    ...shown.map(eventContainer),
  ];
  if (rest > 0) body.push(text(`…and ${rest} more: see the check runs and console`));
  const content = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body,
  };
  return {
    type: "message",
    attachments: [
      { contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content },
    ],
  };
}

function eventContainer(event: NotifyEvent): CardElement {
  const what = [
    EVENT_TITLES[event.kind],
    event.severity,
    event.rule &&
      `${cardText(event.rule, MAX_FIELD_CHARS)}${event.tool ? ` (${cardText(event.tool, MAX_FIELD_CHARS)})` : ""}`,
    event.findingId && cardText(event.findingId, 20),
  ].filter(Boolean);
  const items: CardElement[] = [
    text(what.join(" · "), { weight: "Bolder" }),
    text(cardText(event.message, MAX_MESSAGE_CHARS)),
  ];
  if (event.context) items.push(text(cardText(event.context, MAX_FIELD_CHARS), { isSubtle: true }));
  const actions = event.links.flatMap((link) => {
    const url = cardUrl(link.url);
    return url ? [{ type: "Action.OpenUrl", title: cardPlain(link.label, 60), url }] : [];
  });
  if (actions.length > 0) items.push({ type: "ActionSet", actions });
  return { type: "Container", separator: true, items };
}

function text(value: string, extra: CardElement = {}): CardElement {
  return { type: "TextBlock", text: value, wrap: true, ...extra };
}
