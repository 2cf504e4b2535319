import { splitBlocks, splitInline, type Inline } from "./markdown-segments.js";
import { renderProse } from "./markdown-prose.js";
import { ELLIPSIS, safeCut, truncate } from "./truncate.js";
import { breakCommentOpeners, cleanText } from "./untrusted-chars.js";

/**
 * Untrusted text (everything from SARIF) made inert for GitHub: markdown for comments and check
 * summaries, plain text for annotations. Code keeps its text; prose is escaped.
 */

export { truncate, truncateBytes, ELLIPSIS } from "./truncate.js";
export { safeUrl } from "./safe-url.js";

/** Input beyond this many times the output budget cannot be shown, so it is not even cleaned. */
const INPUT_SLACK = 4;

/** Markdown made inert but readable, at most `maxChars` characters, safe to follow with anything. */
export function safeMarkdown(text: string, maxChars: number): string {
  return fitRendering(text, maxChars, renderBlocks);
}

/** One line of inert markdown for table cells and titles; `|` is escaped, code spans kept. */
export function safeInline(text: string, maxChars: number): string {
  const flatten = (clean: string): string => clean.replace(/\s+/g, " ").trim();
  return fitRendering(text, maxChars, (clean) => renderInline(flatten(clean), true, true), flatten);
}

/** Plain text for annotations: no control or bidi characters, at most `maxChars` characters. */
export function plainText(text: string, maxChars: number): string {
  const source = text.slice(0, safeCut(text, maxChars * INPUT_SLACK));
  const clean = cleanText(source);
  return source.length === text.length
    ? truncate(clean, maxChars)
    : truncate(`${clean}${ELLIPSIS}`, maxChars);
}

/** A code block whose fence is longer than any backtick run inside, so the text cannot close it. */
export function codeFence(text: string, lang = ""): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  const info = /^[\w+#.-]{1,30}$/.test(lang) ? lang : "";
  // An empty body must stay empty: a blank line inside would be a line of content.
  return text === "" ? `${fence}${info}\n${fence}` : `${fence}${info}\n${text}\n${fence}`;
}

/**
 * Renders a prefix of the cleaned text, ellipsis included, so that the output fits: every prefix
 * renders to closed, inert markdown, so cutting the input never leaves a fence open.
 */
function fitRendering(
  text: string,
  maxChars: number,
  render: (clean: string) => string,
  prepare: (clean: string) => string = (clean) => clean,
): string {
  if (maxChars <= 0) return "";
  const source = text.slice(0, safeCut(text, maxChars * INPUT_SLACK));
  const clean = prepare(cleanText(source));
  if (source.length === text.length) {
    const whole = render(clean);
    if (whole.length <= maxChars) return whole;
  }
  let low = 0;
  let high = Math.min(clean.length, maxChars);
  let best = "";
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const candidate = render(clean.slice(0, safeCut(clean, middle)) + ELLIPSIS);
    if (candidate.length <= maxChars) {
      best = candidate;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

function renderBlocks(clean: string): string {
  return splitBlocks(clean)
    .map((block) =>
      block.kind === "fence"
        ? codeFence(breakCommentOpeners(block.text), block.lang)
        : renderInline(block.text, true, false),
    )
    .join("\n");
}

function renderInline(text: string, atLineStart: boolean, inTable: boolean): string {
  let lineStart = atLineStart;
  return splitInline(text)
    .map((part) => {
      const rendered =
        part.kind === "code" ? renderCode(part, inTable) : renderProse(part.text, lineStart);
      lineStart = false;
      return rendered;
    })
    .join("");
}

function renderCode(part: Extract<Inline, { kind: "code" }>, inTable: boolean): string {
  const flat = breakCommentOpeners(part.text.replace(/\n/g, " "));
  // GFM splits table cells on `|` before it sees code spans; `\|` is its escape even there.
  const body = inTable ? flat.replace(/\|/g, "\\|") : flat;
  return `${part.ticks}${body}${part.ticks}`;
}
