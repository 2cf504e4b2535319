/** Shown where untrusted text was cut, so readers know there was more. */
export const ELLIPSIS = "…";

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The largest cut index ≤ `end` that does not split a UTF-16 surrogate pair. */
export function safeCut(text: string, end: number): number {
  if (end <= 0) return 0;
  if (end >= text.length) return text.length;
  return isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}

/** At most `maxChars` UTF-16 code units, ellipsis included; never half a surrogate pair. */
export function truncate(text: string, maxChars: number, ellipsis = ELLIPSIS): string {
  if (text.length <= maxChars) return text;
  const room = maxChars - ellipsis.length;
  if (room < 0) return "";
  return text.slice(0, safeCut(text, room)) + ellipsis;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

function utf8Size(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/**
 * At most `maxBytes` UTF-8 bytes, ellipsis included, cut between code points. GitHub counts
 * check run summaries and annotation messages in bytes, not characters.
 */
export function truncateBytes(text: string, maxBytes: number, ellipsis = ELLIPSIS): string {
  // Every code unit is at least one byte, so a short enough string needs no encoding pass.
  if (text.length * 3 <= maxBytes || byteLength(text) <= maxBytes) return text;
  const room = maxBytes - byteLength(ellipsis);
  if (room < 0) return "";
  let bytes = 0;
  let index = 0;
  while (index < text.length) {
    const codePoint = text.codePointAt(index) ?? 0;
    const size = utf8Size(codePoint);
    if (bytes + size > room) break;
    bytes += size;
    index += codePoint > 0xffff ? 2 : 1;
  }
  return text.slice(0, index) + ellipsis;
}
