import { expect } from "@jest/globals";

/**
 * An independent (deliberately simple) reading of GitHub markdown, to check renderer output
 * without trusting the renderer's own parser.
 */

const OUR_TAGS = /<\/?(?:details|summary|sub)>/g;
const MARKER_LINE = /\n?<!-- guardrail:v[12] fingerprints?=\S+ ids?=\S+ -->\s*$/;

/** Fence lines must pair up; returns the text outside fences, or throws if one is left open. */
export function outsideFences(markdown: string): string {
  const kept: string[] = [];
  let open: string | null = null;
  for (const line of markdown.split("\n")) {
    const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    const fence = match?.[1];
    // A backtick fence's info string cannot contain a backtick (CommonMark 4.5).
    const opens =
      fence !== undefined && !(fence.startsWith("`") && (match?.[2] ?? "").includes("`"));
    if (open === null && opens) {
      open = fence;
    } else if (open !== null) {
      const closes = fence !== undefined && fence[0] === open[0] && fence.length >= open.length;
      if (closes && line.trim() === fence) open = null;
    } else {
      kept.push(line);
    }
  }
  if (open !== null) throw new Error("unclosed code fence");
  return kept.join("\n");
}

/** Prose as GitHub would interpret it: no fences, no code spans, no backslash escapes. */
export function proseOf(markdown: string): string {
  return outsideFences(markdown)
    .replace(/\\[\s\S]/g, "")
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, "")
    .replace(/(`+)(?!`)[^`]\1(?!`)/g, "");
}

export function expectInert(markdown: string): void {
  expect(markdown).not.toMatch(
    /[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F]/,
  );
  const prose = proseOf(markdown.replace(MARKER_LINE, ""));
  expect(prose).not.toMatch(/@[\p{L}\p{N}_]/u);
  expect(prose.replace(OUR_TAGS, "")).not.toContain("<");
  expect(prose).not.toContain("![");
  expect(prose).not.toMatch(/#\d/);
  expect(prose).not.toMatch(/&#/);
  for (const [, url] of prose.matchAll(/\]\(([^)\s]*)/g)) expect(url).toMatch(/^https?:\/\//);
  const opened = prose.match(/<details>/g)?.length ?? 0;
  expect(prose.match(/<\/details>/g)?.length ?? 0).toBe(opened);
}
