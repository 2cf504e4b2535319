import { plainText, safeUrl } from "../report/sanitize.js";

/**
 * Slack mrkdwn: `&`, `<` and `>` are the only control characters (Slack's "Escaping text"), so
 * escaping them makes `<!channel>`, `<!here>`, `<@U123>` and `<url|label>` from a finding inert
 * text. Controls and bidi characters go, newlines become spaces (one line per event).
 */
export function mrkdwnText(text: string, maxChars: number): string {
  return plainText(text, maxChars)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** A link Guardrail built; the URL is re-checked (http(s) only, `|` and `>` percent-encoded). */
export function mrkdwnLink(url: string, label: string, maxChars = 120): string {
  const safe = safeUrl(url);
  const text = mrkdwnText(label, maxChars);
  return safe === undefined ? text : `<${safe}|${text}>`;
}
