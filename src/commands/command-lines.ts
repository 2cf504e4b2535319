/**
 * The lines of a comment that may hold a command: not inside a fenced code block, not quoted
 * (GitHub's "Quote reply" repeats earlier commands as `> /fp …`), and starting with `/` after
 * optional indentation. Returned trimmed, CR-free, in order.
 */
export function commandLines(body: string): string[] {
  const lines: string[] = [];
  let fence: { char: string; length: number } | null = null;
  for (const raw of body.split(/\r\n|\r|\n/)) {
    const trimmed = raw.trim();
    const marker = /^(`{3,}|~{3,})(.*)$/.exec(trimmed);
    if (fence !== null) {
      if (marker?.[1] !== undefined && closes(fence, marker[1], marker[2] ?? "")) fence = null;
      continue;
    }
    if (marker?.[1] !== undefined && opens(marker[1], marker[2] ?? "")) {
      fence = { char: marker[1].charAt(0), length: marker[1].length };
      continue;
    }
    if (trimmed.startsWith("/")) lines.push(trimmed);
  }
  return lines;
}

/** CommonMark: a backtick fence's info string may not contain a backtick. */
function opens(run: string, info: string): boolean {
  return !(run.startsWith("`") && info.includes("`"));
}

/** CommonMark: same character, at least as long, nothing after it but spaces. */
function closes(fence: { char: string; length: number }, run: string, rest: string): boolean {
  return run.charAt(0) === fence.char && run.length >= fence.length && rest.trim() === "";
}
