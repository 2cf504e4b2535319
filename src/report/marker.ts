/**
 * The hidden marker that makes a review comment recognisably Guardrail's, and whose findings it
 * carries, on later runs; always the body's last line. One finding keeps the original shape
 * `<!-- guardrail:v1 fingerprint=<fp> id=<GR-…> -->` (threads posted before grouping stay
 * readable, and so do their markers); a comment for several findings at one location lists them
 * all: `<!-- guardrail:v2 fingerprints=<fp>,<fp> ids=<GR-…>,<GR-…> -->`.
 */

export const MARKER_PREFIX = "<!-- guardrail:";

export interface MarkedFinding {
  fingerprint: string;
  id: string;
}

export interface Marker {
  /** Every finding of the comment, most severe first; `ids[i]` belongs to `fingerprints[i]`. */
  fingerprints: string[];
  ids: string[];
  /** The first (most severe) finding: what a single-finding comment carries. */
  fingerprint: string;
  id: string;
}

/** Characters a marker value keeps as they are; anything else (the list's comma too) is encoded. */
const VALUE_CHAR = /[A-Za-z0-9._:/+=#-]/;
const VALUE = "[A-Za-z0-9._:/+=#%-]+";
const V1_LINE = new RegExp(`^<!-- guardrail:v1 fingerprint=(${VALUE}) id=(${VALUE}) -->$`);
const V2_LINE = new RegExp(
  `^<!-- guardrail:v2 fingerprints=(${VALUE}(?:,${VALUE})*) ids=(${VALUE}(?:,${VALUE})*) -->$`,
);

export function renderMarker(findings: readonly MarkedFinding[]): string {
  const [only, ...rest] = findings;
  if (only === undefined) throw new Error("A marker needs at least one finding");
  if (rest.length === 0) {
    return `${MARKER_PREFIX}v1 fingerprint=${encodeValue(only.fingerprint)} id=${encodeValue(only.id)} -->`;
  }
  const fingerprints = findings.map((f) => encodeValue(f.fingerprint)).join(",");
  const ids = findings.map((f) => encodeValue(f.id)).join(",");
  return `${MARKER_PREFIX}v2 fingerprints=${fingerprints} ids=${ids} -->`;
}

/**
 * The marker of a body Guardrail wrote, or null. Only the body's last line counts: text placed
 * above it (SARIF messages, suggested code) can never pose as the marker, even if it spells one.
 */
export function parseMarker(body: string): Marker | null {
  const trimmed = body.trimEnd();
  const lastLine = trimmed.slice(trimmed.lastIndexOf("\n") + 1);
  const match = V1_LINE.exec(lastLine) ?? V2_LINE.exec(lastLine);
  if (match === null) return null;
  const fingerprints = decodeList(match[1] ?? "");
  const ids = decodeList(match[2] ?? "");
  if (fingerprints === null || ids === null || fingerprints.length !== ids.length) return null;
  return { fingerprints, ids, fingerprint: fingerprints[0] ?? "", id: ids[0] ?? "" };
}

/** The findings of a marker, pairwise. */
export function markedFindings(marker: Marker): MarkedFinding[] {
  return marker.fingerprints.map((fingerprint, i) => ({ fingerprint, id: marker.ids[i] ?? "" }));
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

function decodeList(list: string): string[] | null {
  const values: string[] = [];
  for (const part of list.split(",")) {
    try {
      values.push(decodeURIComponent(part));
    } catch {
      return null;
    }
  }
  return values;
}
