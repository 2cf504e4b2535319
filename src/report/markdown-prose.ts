import { safeUrl } from "./safe-url.js";

/**
 * Escapes untrusted prose so GitHub renders it as the text it is: no HTML, no images, no
 * reference links, no notifying mention, no issue cross-reference; http(s) links stay links.
 */

/** Link text longer than this is not a label; it is left as escaped prose. */
const MAX_LINK_TEXT = 500;
/** Bounds the URL part of the link pattern so a hostile line cannot make it scan for long. */
const MAX_LINK_URL = 2048;

const URL_PART = `[^()\\s]{0,${MAX_LINK_URL}}`;
const LINK = `(!?)\\[([^\\[\\]\\n]{0,${MAX_LINK_TEXT}})\\]\\(\\s*(${URL_PART}(?:\\(${URL_PART}\\)${URL_PART}){0,4})(?:\\s+(?:"[^"\\n]*"|'[^'\\n]*'))?\\s*\\)`;
/**
 * `@name` notifies, `#12` / `GH-12` cross-reference issues (a timeline event in someone else's
 * issue), `&` starts entities (`&#64;` is an `@`), the rest are markdown syntax.
 */
const CHARS = "@(?=[\\p{L}\\p{N}_-])|#(?=\\p{N})|GH-(?=\\p{N})|[\\\\<>&|\\[\\]`~]";
const LINK_OR_CHAR = new RegExp(`${LINK}|${CHARS}`, "gu");
const CHAR_ONLY = new RegExp(CHARS, "gu");

/** A zero-width joiner after `@` or `#` keeps them readable and stops GitHub from linking them. */
const JOINER = "\u200D";

const ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  "|": "\\|",
  "[": "\\[",
  "]": "\\]",
  "`": "\\`",
  "~": "\\~",
};

function escapeChar(match: string): string {
  return ESCAPES[match] ?? `${match}${JOINER}`;
}

function escapeChars(text: string): string {
  return text.replace(CHAR_ONLY, escapeChar);
}

function renderLink(bang: string, label: string, url: string): string {
  const text = escapeChars(label);
  if (bang === "!") return text;
  const href = safeUrl(url);
  if (href === undefined) return text;
  return `[${text === "" ? escapeChars(href) : text}](${href})`;
}

/**
 * Lines that would start a heading, a setext underline or a thematic break get their first
 * character escaped, so untrusted text cannot restyle the layout around it.
 */
const BLOCK_START =
  /^( {0,3})(#{1,6}(?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$|([*_-])[ \t]*(?:\3[ \t]*){2,}$)/;

function escapeLineStart(line: string): string {
  return line.replace(BLOCK_START, (_all, indent: string, rest: string) => `${indent}\\${rest}`);
}

/** `atLineStart`: whether the text's first line begins a line of the output. */
export function renderProse(text: string, atLineStart: boolean): string {
  const escaped = text.replace(
    LINK_OR_CHAR,
    (match: string, bang?: string, label?: string, url?: string) =>
      label === undefined ? escapeChar(match) : renderLink(bang ?? "", label, url ?? ""),
  );
  return escaped
    .split("\n")
    .map((line, index) => (index === 0 && !atLineStart ? line : escapeLineStart(line)))
    .join("\n");
}
