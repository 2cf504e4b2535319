/**
 * The text of a SARIF message (§3.11): `markdown` preferred over `text`; a `message.id` is
 * looked up in the rule's `messageStrings`, then the component's and the driver's
 * `globalMessageStrings`; `{0}`-style placeholders are filled from `arguments`.
 */
import type { Message, ReportingDescriptor, ToolComponent } from "sarif";
import { asString, isRecord } from "./json-guards.js";
import { MAX_MESSAGE_LENGTH, truncateText } from "./truncate-text.js";

const PLACEHOLDER = /\{\{|\}\}|\{(\d+)\}/g;

/** Where `message.id` may be defined, most specific first. */
export interface MessageContext {
  rule: ReportingDescriptor | undefined;
  component: ToolComponent | undefined;
  driver: ToolComponent | undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function preferredText(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  return nonEmpty(value["markdown"]) ?? nonEmpty(value["text"]);
}

function lookupTemplate(id: string, context: MessageContext): string | undefined {
  const tables: unknown[] = [
    context.rule?.messageStrings,
    context.component?.globalMessageStrings,
    context.driver?.globalMessageStrings,
  ];
  for (const table of tables) {
    if (isRecord(table) && Object.hasOwn(table, id)) {
      const text = preferredText(table[id]);
      if (text !== undefined) return text;
    }
  }
  return undefined;
}

/**
 * Fills `{n}` from `args` and unescapes `{{` `}}`, stopping once the output reaches
 * `maxLength` so that a template repeating a huge argument cannot grow without bound.
 */
export function fillPlaceholders(
  template: string,
  args: readonly unknown[],
  maxLength: number,
): string {
  let output = "";
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const argument = match[1] === undefined ? undefined : args[Number(match[1])];
    const replacement =
      match[0] === "{{"
        ? "{"
        : match[0] === "}}"
          ? "}"
          : typeof argument === "string"
            ? argument
            : match[0];
    output += template.slice(last, match.index) + truncateText(replacement, maxLength);
    last = match.index + match[0].length;
    if (output.length > maxLength) return truncateText(output, maxLength);
  }
  return truncateText(output + template.slice(last), maxLength);
}

/** The message text of a result; `fallback` (e.g. the rule's short description) when empty. */
export function messageText(
  message: Message | undefined,
  context: MessageContext,
  fallback: string,
): string {
  if (!isRecord(message)) return truncateText(fallback, MAX_MESSAGE_LENGTH);
  const direct = preferredText(message);
  const id = asString(message["id"]);
  const template = direct ?? (id === undefined ? undefined : lookupTemplate(id, context));
  if (template === undefined) return truncateText(fallback, MAX_MESSAGE_LENGTH);
  const args = Array.isArray(message["arguments"]) ? (message["arguments"] as unknown[]) : [];
  // Plain text without arguments is not a template: its braces are literal.
  if (direct !== undefined && args.length === 0) return truncateText(direct, MAX_MESSAGE_LENGTH);
  return fillPlaceholders(truncateText(template, MAX_MESSAGE_LENGTH), args, MAX_MESSAGE_LENGTH);
}
