import { plainText, safeUrl } from "../report/sanitize.js";

/**
 * Adaptive Card TextBlocks render a markdown subset (emphasis, `[label](url)` links) and Teams
 * reads `<at>…</at>` as a mention: each character that could open one of those is
 * backslash-escaped (CommonMark escapes). Newlines become spaces, and every line starts with
 * Guardrail's own words, so no list or heading can start either.
 */
const CARD_MARKUP = /[\\`*_~[\]<>]/g;

export function cardText(text: string, maxChars: number): string {
  return plainText(text, maxChars)
    .replace(/\s+/g, " ")
    .trim()
    .replace(CARD_MARKUP, (char) => `\\${char}`);
}

/** An `Action.OpenUrl` target, or undefined when the URL is not a plain http(s) one. */
export function cardUrl(url: string): string | undefined {
  return safeUrl(url);
}

/** Plain text where a card shows text as is (button titles). */
export function cardPlain(text: string, maxChars: number): string {
  return plainText(text, maxChars).replace(/\s+/g, " ").trim();
}
