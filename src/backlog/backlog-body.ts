import type { Finding } from "../findings/finding.js";
import { fileLabel, fileLink } from "../notify/links.js";
import { plainText, safeInline, safeUrl } from "../report/sanitize.js";
import { backlogMarker, type BacklogKey } from "./backlog-marker.js";

/** The design's cap: a longer list is not read, and GitHub caps a body at 65,536 characters. */
export const MAX_BACKLOG_TASKS = 100;
/** GitHub cuts issue titles at 256 characters. */
const MAX_TITLE_CHARS = 256;

export interface BacklogView {
  key: BacklogKey;
  /** The tool as the scanner spells it, for people. */
  toolName: string;
  findings: readonly Finding[];
  repoUrl: string;
  sha: string;
  branch: string;
}

export function backlogTitle(view: Pick<BacklogView, "key" | "toolName">): string {
  const rule = plainText(view.key.rule, 150).replace(/\s+/g, " ");
  const tool = plainText(view.toolName, 60).replace(/\s+/g, " ");
  return plainText(`Guardrail: ${rule} (${tool})`, MAX_TITLE_CHARS);
}

/** Marker first (so it is found), a line of context, then one task per finding with its link. */
export function backlogBody(view: BacklogView): string {
  const sorted = [...view.findings].sort(
    (a, b) =>
      a.location.path.localeCompare(b.location.path) ||
      (a.location.region?.startLine ?? 0) - (b.location.region?.startLine ?? 0),
  );
  const shown = sorted.slice(0, MAX_BACKLOG_TASKS);
  const lines = [
    backlogMarker(view.key),
    `Findings of \`${safeInline(view.key.rule, 150).replace(/`/g, "'")}\` (${safeInline(view.toolName, 60)}) on ` +
      `\`${safeInline(view.branch, 100).replace(/`/g, "'")}\` at ${view.sha.slice(0, 7)} that predate the pull requests ` +
      "Guardrail reviews. Guardrail updates this list after each push to the default branch and " +
      "closes the issue when none is left.",
    "",
    ...shown.map((f) => task(view, f)),
  ];
  if (sorted.length > shown.length) {
    lines.push(
      "",
      `…and ${sorted.length - shown.length} more (the first ${MAX_BACKLOG_TASKS} are listed).`,
    );
  }
  return lines.join("\n");
}

function task(view: BacklogView, finding: Finding): string {
  const url = safeUrl(fileLink(view.repoUrl, view.sha, finding));
  const label = safeInline(fileLabel(finding), 120).replace(/[[\]]/g, "\\$&");
  const where = url === undefined ? label : `[${label}](${url})`;
  return `- [ ] ${where} · ${finding.severity} · ${finding.id} · ${safeInline(finding.message, 200)}`;
}
