/**
 * The hidden marker that makes a backlog issue Guardrail's, for one tool and rule. Tool and rule
 * come from SARIF: percent-encoded, they cannot end the comment (`-->`) or spoof another key.
 */
export interface BacklogKey {
  /** Lower-cased `tool.driver.name`. */
  tool: string;
  rule: string;
}

export function backlogMarker(key: BacklogKey): string {
  return `<!-- guardrail:backlog tool=${encodeURIComponent(key.tool)} rule=${encodeURIComponent(key.rule)} -->`;
}

const MARKER = /<!-- guardrail:backlog tool=([^\s]*) rule=([^\s]*) -->/;

/** The key of a body that starts with Guardrail's marker; null for anything else. */
export function parseBacklogMarker(body: string | null | undefined): BacklogKey | null {
  const match = MARKER.exec(body ?? "");
  if (match === null || match.index !== 0) return null;
  try {
    return { tool: decodeURIComponent(match[1] ?? ""), rule: decodeURIComponent(match[2] ?? "") };
  } catch {
    return null;
  }
}

export function keyString(key: BacklogKey): string {
  return `${key.tool}\u0000${key.rule}`;
}
