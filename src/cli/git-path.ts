/**
 * Git writes a path in C-style double quotes when it holds a quote, a backslash or a control
 * character (and, without core.quotePath=false, any non-ASCII byte, as octal).
 */
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 7,
  b: 8,
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  '"': 34,
  "\\": 92,
};

export function unquoteGitPath(value: string): string {
  if (!(value.length >= 2 && value.startsWith('"') && value.endsWith('"'))) return value;
  // Code points, not UTF-16 units: a character outside the BMP must not be split.
  const chars = Array.from(value.slice(1, -1));
  const encoder = new TextEncoder();
  const bytes: number[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i] ?? "";
    if (char !== "\\") {
      bytes.push(...encoder.encode(char));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(chars.slice(i + 1, i + 4).join(""));
    if (octal !== null) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
      continue;
    }
    const next = chars[i + 1] ?? "";
    bytes.push(
      ...(SIMPLE_ESCAPES[next] === undefined ? encoder.encode(next) : [SIMPLE_ESCAPES[next]]),
    );
    i += 1;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
