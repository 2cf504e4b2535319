/**
 * Splits a SARIF byte stream into the envelope (everything but the elements of each
 * `runs[i].results`, which read as `[]`) and the raw bytes of each result, in order. Only
 * strings, nesting and the results arrays' own commas are looked at here: the envelope goes to a
 * streaming JSON parser and each result to JSON.parse, which check everything else. Structural
 * bytes are ASCII, so UTF-8 needs no decoding and chunks may split characters anywhere.
 */
import { MAX_JSON_DEPTH } from "./json-depth.js";

export interface ScanEvents {
  envelope(bytes: Uint8Array): void;
  /** runs[run].results opened: the envelope up to its `[` has been delivered. */
  resultsStart(run: number): void;
  /** One element of runs[run].results (normally an object), complete. */
  result(run: number, bytes: Buffer): void;
}

export class ScanError extends Error {
  override name = "ScanError";
  constructor(
    readonly kind: "depth" | "syntax",
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
const isScalarEnd = (code: number) => isSpace(code) || code === COMMA || code === CLOSE_BRACKET;

/** The quote closing a string that continues at `from`, or -1 when it goes on past the chunk. */
function closingQuote(chunk: Uint8Array, from: number): number {
  for (
    let quote = chunk.indexOf(QUOTE, from);
    quote !== -1;
    quote = chunk.indexOf(QUOTE, quote + 1)
  ) {
    let k = quote - 1;
    while (k >= from && chunk[k] === BACKSLASH) k -= 1;
    if ((quote - 1 - k) % 2 === 0) return quote;
  }
  return -1;
}

/** Whether the chunk ends on a backslash that escapes the next chunk's first byte. */
function endsInEscape(chunk: Uint8Array, from: number): boolean {
  let k = chunk.length - 1;
  while (k >= from && chunk[k] === BACKSLASH) k -= 1;
  return (chunk.length - 1 - k) % 2 === 1;
}

/** Depths: 1 the log object, 2 `runs`, 3 a run, 4 its `results`, 5+ inside one result. */
const LOG = 1;
const RUNS = 2;
const RUN = 3;
const RESULTS = 4;

export function createResultsScanner(events: ScanEvents, maxDepth = MAX_JSON_DEPTH) {
  let depth = 0;
  let inString = false;
  let escaped = false;
  const isObject: boolean[] = [];
  // Keys of the log (depth 1) and of a run (depth 3); a string there is a key until its colon.
  const key: (string | null)[] = [];
  let keyParts: Uint8Array[] | null = null;
  let keyFrom = -1;
  let inRuns = false;
  let runsSeen = false;
  let runIndex = 0;
  let resultsSeen = false;
  // Inside runs[run].results: elements are cut out instead of passed on.
  let inResults = false;
  let expect: "value-or-end" | "comma-or-end" | "value" = "value-or-end";
  let elementFrom = -1;
  let elementParts: Uint8Array[] = [];
  let elementIsScalar = false;

  const endElement = (chunk: Uint8Array, end: number): void => {
    elementParts.push(chunk.subarray(elementFrom, end));
    const bytes = Buffer.concat(elementParts);
    elementParts = [];
    elementFrom = -1;
    expect = "comma-or-end";
    events.result(runIndex, bytes);
  };

  function write(chunk: Uint8Array): void {
    let envelopeFrom = inResults ? -1 : 0;
    if (elementFrom !== -1 || elementParts.length > 0) elementFrom = 0;
    if (keyParts !== null) keyFrom = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const code = chunk[i]!;
      if (inString) {
        // Strings hold most of the bytes: jump to the closing quote instead of looking at each.
        const from = escaped ? i + 1 : i;
        escaped = false;
        const close = closingQuote(chunk, from);
        if (close === -1) {
          escaped = endsInEscape(chunk, from);
          break;
        }
        i = close;
        inString = false;
        if (keyParts !== null) {
          keyParts.push(chunk.subarray(keyFrom, i + 1));
          key[depth] = JSON.parse(Buffer.concat(keyParts).toString("utf8")) as string;
          keyParts = null;
        }
        if (inResults && depth === RESULTS && elementFrom !== -1) endElement(chunk, i + 1);
        continue;
      }
      if (inResults && elementIsScalar && elementFrom !== -1 && isScalarEnd(code)) {
        endElement(chunk, i);
      }
      if (inResults && depth === RESULTS && elementFrom === -1) {
        if (isSpace(code)) continue;
        if (code === CLOSE_BRACKET && expect !== "value") {
          inResults = false;
          envelopeFrom = i;
        } else if (code === COMMA && expect === "comma-or-end") {
          expect = "value";
          continue;
        } else if (expect === "comma-or-end" || code === COMMA || code === CLOSE_BRACKET) {
          throw new ScanError("syntax", `unexpected "${String.fromCharCode(code)}" in results`);
        } else {
          elementFrom = i;
          elementIsScalar = code !== OPEN_BRACE && code !== OPEN_BRACKET && code !== QUOTE;
        }
      }
      if (code === QUOTE) {
        inString = true;
        if ((depth === LOG || depth === RUN) && isObject[depth] === true && key[depth] === null) {
          keyParts = [];
          keyFrom = i;
        }
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        depth += 1;
        if (depth > maxDepth) {
          throw new ScanError("depth", `JSON nested deeper than ${maxDepth} levels`);
        }
        isObject[depth] = code === OPEN_BRACE;
        key[depth] = null;
        if (depth === RUNS && isObject[LOG] === true && key[LOG] === "runs" && !isObject[RUNS]) {
          // JSON.parse would keep the last of two: refused rather than read differently.
          if (runsSeen) throw new ScanError("syntax", 'the log has two "runs"');
          runsSeen = true;
          inRuns = true;
          runIndex = 0;
        } else if (depth === RUN && inRuns) {
          resultsSeen = false;
        } else if (depth === RESULTS && inRuns && isObject[RUN] && key[RUN] === "results") {
          if (!isObject[RESULTS]) {
            if (resultsSeen) throw new ScanError("syntax", `run ${runIndex} has two "results"`);
            resultsSeen = true;
            events.envelope(chunk.subarray(envelopeFrom, i + 1));
            envelopeFrom = -1;
            inResults = true;
            expect = "value-or-end";
            events.resultsStart(runIndex);
          }
        }
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (depth === 0) throw new ScanError("syntax", `unexpected "${String.fromCharCode(code)}"`);
        if (depth === RUNS) inRuns = false;
        depth -= 1;
        if (inResults && depth === RESULTS && elementFrom !== -1) endElement(chunk, i + 1);
      } else if (code === COMMA) {
        if (isObject[depth] === true) key[depth] = null;
        if (depth === RUNS && inRuns) runIndex += 1;
      }
    }
    if (envelopeFrom !== -1 && envelopeFrom < chunk.length) {
      events.envelope(chunk.subarray(envelopeFrom));
    }
    if (elementFrom !== -1) elementParts.push(chunk.subarray(elementFrom));
    if (keyParts !== null) keyParts.push(chunk.subarray(keyFrom));
  }

  function end(): void {
    if (inString || depth !== 0) throw new ScanError("syntax", "unexpected end of JSON input");
    if (elementFrom !== -1 || elementParts.length > 0) {
      throw new ScanError("syntax", "unexpected end of JSON input");
    }
  }

  return { write, end };
}
