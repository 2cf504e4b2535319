/**
 * A small PromQL reader for the dashboard test: checks brackets and strings balance and returns
 * the metric names an expression selects (identifiers that are not functions, keywords, label
 * names in matchers or grouping lists, or durations).
 */
const KEYWORDS = new Set([
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "and",
  "or",
  "unless",
  "bool",
  "offset",
]);

export function balanced(expr: string): boolean {
  const closing: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
  const stack: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < expr.length; i += 1) {
    const c = expr.charAt(i);
    if (quote !== null) {
      if (c === "\\") i += 1;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if ("([{".includes(c)) stack.push(c);
    else if (c in closing && stack.pop() !== closing[c]) return false;
  }
  return quote === null && stack.length === 0;
}

export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:\\.|[^"\\])*"/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ");
  const names: string[] = [];
  for (const match of bare.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const next = bare.slice((match.index ?? 0) + match[0].length).trimStart();
    if (next.startsWith("(") || KEYWORDS.has(match[0])) continue;
    names.push(match[0]);
  }
  return names;
}
