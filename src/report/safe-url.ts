/** Longer than any documentation link; longer ones are payloads, not references. */
const MAX_URL_LENGTH = 2048;

/** Characters that would end or confuse a markdown link destination or a table cell. */
const MARKDOWN_HOSTILE = /[()|'"<>`[\] ]/g;

/**
 * The URL when it is an absolute http(s) URL without credentials (`https://docs@evil` reads as
 * a trusted host), normalised by WHATWG URL parsing, with markdown-hostile characters
 * percent-encoded; otherwise undefined.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.trim();
  if (trimmed.length > MAX_URL_LENGTH || !/^https?:\/\//i.test(trimmed)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  if (parsed.username !== "" || parsed.password !== "" || parsed.hostname === "") return undefined;
  const origin = `${parsed.protocol}//${parsed.host}`;
  const rest = parsed.href.slice(origin.length).replace(MARKDOWN_HOSTILE, percentEncode);
  return origin + rest;
}

function percentEncode(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
}
