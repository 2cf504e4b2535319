/**
 * Characters untrusted text may not carry into a report, whatever the format:
 * - C0/C1 controls other than tab and newline (terminal escapes, NUL);
 * - bidi embeddings, overrides, isolates and marks ("Trojan Source": they make a reviewer read
 *   text in an order other than the one it has);
 * - lone surrogates, which are not valid Unicode and which GitHub mangles or rejects.
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/g;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;

/** Same text, minus what {@link CONTROLS}, {@link BIDI} and lone surrogates describe; `\n` line ends. */
export function cleanText(text: string): string {
  return text
    .replace(LINE_BREAKS, "\n")
    .replace(CONTROLS, "")
    .replace(BIDI, "")
    .replace(LONE_SURROGATE, "\uFFFD");
}

/** True when the text holds anything {@link cleanText} would remove or change (other than `\r`). */
export function hasHiddenCharacters(text: string): boolean {
  return cleanText(text.replace(/\r\n/g, "\n")) !== text.replace(/\r\n/g, "\n");
}

/**
 * A real Guardrail marker is an HTML comment; text we show verbatim (code) could spell one.
 * A zero-width space keeps it readable and stops it from being one.
 */
export function breakCommentOpeners(text: string): string {
  return text.replace(/<!--/g, "<\u200B!--");
}
