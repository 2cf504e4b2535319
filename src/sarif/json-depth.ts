/**
 * Nesting depth of JSON text, measured without parsing. A hostile file of 100,000 nested
 * arrays parses fine but overflows the stack of anything that recurses over it later (schema
 * deep-equality, renderers), so reading refuses it up front.
 */

/** Real SARIF nests about 15 levels (run → result → codeFlow → threadFlow → location → region);
 *  property bags add some. Far beyond that is an attack or a broken producer. */
export const MAX_JSON_DEPTH = 256;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** True when some value in `text` nests deeper than `maxDepth` arrays/objects. */
export function exceedsJsonDepth(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * True when the parsed `value` nests deeper than `maxDepth` arrays/objects (same count as
 * exceedsJsonDepth on its text). Walks the values without recursion: one visit per array or
 * object, far cheaper than scanning every character of a large file.
 */
export function exceedsValueDepth(value: unknown, maxDepth: number = MAX_JSON_DEPTH): boolean {
  if (typeof value !== "object" || value === null) return false;
  const values: object[] = [value];
  const depths: number[] = [1];
  const visit = (child: unknown, depth: number): void => {
    if (typeof child === "object" && child !== null) {
      values.push(child);
      depths.push(depth);
    }
  };
  for (let current = values.pop(); current !== undefined; current = values.pop()) {
    const depth = depths.pop() ?? 1;
    if (depth > maxDepth) return true;
    if (Array.isArray(current)) {
      for (const child of current as unknown[]) visit(child, depth + 1);
    } else {
      const record = current as Record<string, unknown>;
      for (const key in record) visit(record[key], depth + 1);
    }
  }
  return false;
}
