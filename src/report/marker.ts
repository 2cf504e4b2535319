/**
 * The hidden marker that makes a review comment recognisably Guardrail's, and whose finding it
 * is, on later runs: `<!-- guardrail:v1 fingerprint=<fp> id=<GR-…> -->`, always the last line.
 */

export const MARKER_PREFIX = "<!-- guardrail:";

/** Characters a marker value keeps as they are; anything else is percent-encoded. */
const VALUE_CHAR = /[A-Za-z0-9._:/+=#-]/;
const MARKER_LINE =
  /^<!-- guardrail:v1 fingerprint=([A-Za-z0-9._:/+=#%-]+) id=([A-Za-z0-9._:/+=#%-]+) -->$/;

export function renderMarker(fingerprint: string, id: string): string {
  return `${MARKER_PREFIX}v1 fingerprint=${encodeValue(fingerprint)} id=${encodeValue(id)} -->`;
}

/**
 * The marker of a body Guardrail wrote, or null. Only the body's last line counts: text placed
 * above it (SARIF messages, suggested code) can never pose as the marker, even if it spells one.
 */
export function parseMarker(body: string): { fingerprint: string; id: string } | null {
  const trimmed = body.trimEnd();
  const lastLine = trimmed.slice(trimmed.lastIndexOf("\n") + 1);
  const match = MARKER_LINE.exec(lastLine);
  if (match === null) return null;
  const fingerprint = decodeValue(match[1] ?? "");
  const id = decodeValue(match[2] ?? "");
  return fingerprint === null || id === null ? null : { fingerprint, id };
}

function encodeValue(value: string): string {
  let encoded = "";
  for (const char of value) {
    encoded += VALUE_CHAR.test(char) ? char : percentEncode(char);
  }
  // "--" may not appear inside an HTML comment; "-->" would end it early.
  return encoded.replace(/--/g, "-%2D");
}

function percentEncode(char: string): string {
  let out = "";
  for (const byte of Buffer.from(char, "utf8")) {
    out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function decodeValue(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
