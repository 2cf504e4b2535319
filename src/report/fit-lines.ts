import { byteLength } from "./truncate.js";

/**
 * Budgeted rendering for check run output, which GitHub caps in bytes. Each helper returns whole,
 * closed markdown within the budget, or null when even its frame does not fit, so a long list is
 * cut between rows, never inside a table row, a `<details>` or a fence.
 */

/** Renders within `maxBytes`: "" when there is nothing to show, null when it does not fit. */
export type Section = (maxBytes: number) => string | null;

export interface FitLinesInput {
  /** Printed first (a heading, a table header); "" for none. */
  head: string;
  lines: string[];
  maxBytes: number;
  /** The line saying how many were left out, e.g. "_…and 12 more._" */
  more: (omitted: number) => string;
  /** How many there are in all, when `lines` is already a capped prefix of them. */
  total?: number;
}

export function fitLines(input: FitLinesInput): string | null {
  const { head, lines, maxBytes, more } = input;
  const total = Math.max(input.total ?? lines.length, lines.length);
  const shown: string[] = head === "" ? [] : [head];
  let used = byteLength(head);
  for (const [index, line] of lines.entries()) {
    const reserve = index + 1 < total ? byteLength(more(total - index - 1)) + 2 : 0;
    const cost = byteLength(line) + (shown.length > 0 ? 1 : 0);
    if (used + cost + reserve > maxBytes) break;
    shown.push(line);
    used += cost;
  }
  const left = total - (shown.length - (head === "" ? 0 : 1));
  const text = left > 0 ? `${shown.join("\n")}\n\n${more(left)}` : shown.join("\n");
  return byteLength(text) <= maxBytes ? text : null;
}

/** A GFM table of already-sanitised cells, cut between rows. */
export function fitTable(input: {
  header: string[];
  rows: string[][];
  maxBytes: number;
  more: (omitted: number) => string;
  total?: number;
}): string | null {
  const { header, rows, ...rest } = input;
  const head = `| ${header.join(" | ")} |\n|${header.map(() => " --- ").join("|")}|`;
  const lines = rows.map((cells) => `| ${cells.join(" | ")} |`);
  return fitLines({ head, lines, ...rest });
}

/** A collapsed section around content rendered for the budget left inside it. */
export function fitDetails(summary: string, maxBytes: number, content: Section): string | null {
  const open = `<details>\n<summary>${summary}</summary>\n\n`;
  const close = "\n\n</details>";
  const inner = content(maxBytes - byteLength(open) - byteLength(close));
  if (inner === null || inner === "") return inner;
  return `${open}${inner}${close}`;
}

/** Sections in order, each given what is left; any that does not fit is left out and said so. */
export function fitSections(sections: Section[], maxBytes: number, notice: string): string {
  const separator = "\n\n";
  let remaining = maxBytes - byteLength(separator + notice);
  const parts: string[] = [];
  let cut = false;
  for (const section of sections) {
    const gap = parts.length > 0 ? separator.length : 0;
    const text = section(Math.max(0, remaining - gap));
    if (text === "") continue;
    if (text === null || byteLength(text) + gap > remaining) {
      cut = true;
      continue;
    }
    parts.push(text);
    remaining -= byteLength(text) + gap;
  }
  if (cut) parts.push(notice);
  return parts.join(separator);
}

/** "_…and 12 more (what)._" */
export const andMore =
  (what: string) =>
  (n: number): string =>
    `_…and ${n} more${what === "" ? "" : ` ${what}`}._`;

/** `head` then `body`, or null when the body does not fit under it. */
export function headed(head: string, maxBytes: number, body: Section): string | null {
  const text = body(maxBytes - byteLength(head));
  return text === null || text === "" ? text : `${head}${text}`;
}
