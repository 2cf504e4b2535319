import type { Finding } from "../findings/finding.js";
import { groupCommandHint } from "./command-hint.js";
import { MAX_COMMENT_CHARS, renderCommentBody, type CommentBodyInput } from "./comment-body.js";
import { renderMarker } from "./marker.js";
import { sameSentence } from "./rule-text.js";
import { safeInline, safeUrl } from "./sanitize.js";
import { severityLabel } from "./severity-label.js";

/** One list item is a line: the message's first line, cut, is what a reader scans. */
const MAX_SHORT_MESSAGE_CHARS = 300;
const MAX_RULE_CHARS = 120;
const MAX_TOOL_CHARS = 100;

/**
 * The inline comment for a location. One finding gets the full comment (message, fix, flow,
 * help); several that start on the same line (an IaC resource failing many checks) get one list,
 * most severe first as given, each with its own id so a reply can name some of them.
 */
export function renderLocationComment(entries: readonly CommentBodyInput[]): string {
  const [first, ...rest] = entries;
  if (first === undefined) throw new Error("A comment needs at least one finding");
  if (rest.length === 0) return renderCommentBody(first);
  const findings = entries.map((e) => e.finding);
  const tools = [...new Set(findings.map((f) => safeInline(f.tool.name, MAX_TOOL_CHARS)))];
  const head = `**${findings.length} findings on this line** · ${tools.join(", ")}`;
  const footer = [
    `<sub>${groupCommandHint(first.finding.id)}</sub>`,
    renderMarker(findings.map((f) => ({ fingerprint: f.fingerprint, id: f.id }))),
  ];
  const seen = new Set<string>();
  const items = findings.map((f) => listItem(f, seen));
  // Every fingerprint stays in the marker even when the list itself must be cut.
  let shown = items.length;
  for (;;) {
    const more = shown < items.length ? [`_…and ${items.length - shown} more._`] : [];
    const list = [...items.slice(0, shown), ...more].join("\n");
    const body = [head, list, ...footer].join("\n\n");
    if (body.length <= MAX_COMMENT_CHARS || shown === 0) return body;
    shown -= 1;
  }
}

/** `- **🟠 high** · [CKV_AZURE_59](…) · message · `GR-…``; a message said before is not said again. */
function listItem(finding: Finding, seen: Set<string>): string {
  const firstLine = finding.message.trim().split("\n")[0] ?? "";
  const key = sameSentence(firstLine);
  const message = seen.has(key)
    ? "_same message as above_"
    : safeInline(firstLine, MAX_SHORT_MESSAGE_CHARS);
  seen.add(key);
  const ruleId = safeInline(finding.rule.id, MAX_RULE_CHARS);
  const docs = safeUrl(finding.rule.helpUri);
  const rule = docs === undefined ? ruleId : `[${ruleId}](${docs})`;
  return `- **${severityLabel(finding.severity)}** · ${rule} · ${message} · \`${idText(finding.id)}\``;
}

/** Ids are `GR-` and 8 hex characters; anything else stored is shown inert. */
function idText(id: string): string {
  return /^GR-[0-9a-f]{8}$/.test(id) ? id : safeInline(id, 20).replace(/`/g, "");
}
