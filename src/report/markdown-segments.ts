/**
 * Splits untrusted markdown into what must stay verbatim (code) and what must be escaped
 * (prose), so each can be made inert in its own way.
 */

export type Block = { kind: "prose"; text: string } | { kind: "fence"; text: string; lang: string };

export type Inline =
  { kind: "prose"; text: string } | { kind: "code"; text: string; ticks: string };

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** Fenced code blocks (closed or not) and the prose between them. */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let prose: string[] = [];
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const open = FENCE_OPEN.exec(lines[index] ?? "");
    const fence = open?.[1] ?? "";
    const info = open?.[2] ?? "";
    // A backtick fence's info string cannot hold a backtick: then it is inline code, not a fence.
    if (open === null || (fence.startsWith("`") && info.includes("`"))) {
      prose.push(lines[index] ?? "");
      continue;
    }
    if (prose.length > 0) blocks.push({ kind: "prose", text: prose.join("\n") });
    prose = [];
    const body: string[] = [];
    index += 1;
    while (index < lines.length && !closesFence(lines[index] ?? "", fence)) {
      body.push(lines[index] ?? "");
      index += 1;
    }
    blocks.push({ kind: "fence", text: body.join("\n"), lang: info.trim().split(/\s/)[0] ?? "" });
  }
  if (prose.length > 0) blocks.push({ kind: "prose", text: prose.join("\n") });
  return blocks;
}

function closesFence(line: string, fence: string): boolean {
  const close = FENCE_CLOSE.exec(line)?.[1];
  return close !== undefined && close[0] === fence[0] && close.length >= fence.length;
}

/**
 * Code spans and the prose around them. A backtick run opens a span only when a run of the
 * same length closes it before a blank line; any other backtick is prose (and gets escaped).
 */
export function splitInline(text: string): Inline[] {
  const parts: Inline[] = [];
  const runs = /`+/g;
  let proseStart = 0;
  let paragraphEnd = -1;
  let match: RegExpExecArray | null;
  while ((match = runs.exec(text)) !== null) {
    const ticks = match[0];
    // Remembered, not searched per run: a text of many spans would otherwise be quadratic.
    if (paragraphEnd < runs.lastIndex) paragraphEnd = nextBlankLine(text, runs.lastIndex);
    const close = findClosingRun(text, ticks, runs.lastIndex, paragraphEnd);
    if (close === -1) continue;
    if (match.index > proseStart) {
      parts.push({ kind: "prose", text: text.slice(proseStart, match.index) });
    }
    parts.push({ kind: "code", text: text.slice(runs.lastIndex, close), ticks });
    proseStart = close + ticks.length;
    runs.lastIndex = proseStart;
  }
  if (proseStart < text.length) parts.push({ kind: "prose", text: text.slice(proseStart) });
  return parts;
}

function nextBlankLine(text: string, from: number): number {
  const index = text.indexOf("\n\n", from);
  return index === -1 ? text.length : index;
}

function findClosingRun(text: string, ticks: string, from: number, limit: number): number {
  const runs = /`+/g;
  runs.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = runs.exec(text)) !== null && match.index < limit) {
    if (match[0].length === ticks.length) return match.index;
  }
  return -1;
}
