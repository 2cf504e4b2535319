import type { Finding } from "../findings/finding.js";
import { renderCodeFlow } from "./code-flow.js";
import { COMMAND_HINT } from "./command-hint.js";
import { renderMarker } from "./marker.js";
import { renderRuleLinks } from "./rule-links.js";
import { ruleHelp, ruleTitle } from "./rule-text.js";
import { codeFence, safeInline, safeMarkdown } from "./sanitize.js";
import { severityLabel } from "./severity-label.js";

export { suggestionFor } from "./suggestion.js";

/** GitHub rejects review comment bodies over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_535;
/** A finding message longer than this is a payload, not an explanation. */
const MAX_MESSAGE_CHARS = 4_000;
/** Rule help is reference text; the rest is one click away at the rule documentation. */
const MAX_HELP_CHARS = 20_000;
const MAX_TITLE_CHARS = 200;
const MAX_FIX_DESCRIPTION_CHARS = 300;

export interface CommentBodyInput {
  finding: Finding;
  /** From {@link suggestionFor}; the caller decides when to offer one. */
  suggestion?: string | undefined;
}

/**
 * The inline review comment for a finding. Every piece of SARIF text is sanitised; optional
 * sections (help, flow, links) are dropped, least useful first, if the body would exceed
 * GitHub's limit. The marker is always the last line.
 */
export function renderCommentBody(input: CommentBodyInput): string {
  const { finding } = input;
  const required = [header(finding), safeMarkdown(finding.message, MAX_MESSAGE_CHARS)];
  const optional = [
    suggestionSection(finding, input.suggestion),
    renderCodeFlow(finding.codeFlows),
    helpSection(finding),
    renderRuleLinks(finding.rule),
  ];
  const footer = [
    `<sub>${safeInline(finding.id, 20)} · ${COMMAND_HINT}</sub>`,
    renderMarker([finding]),
  ];
  const dropOrder = [2, 1, 3, 0];
  for (let dropped = 0; dropped <= dropOrder.length; dropped += 1) {
    const kept = optional.filter((_, index) => !dropOrder.slice(0, dropped).includes(index));
    const body = [...required, ...kept, ...footer].filter((part) => part !== "").join("\n\n");
    if (body.length <= MAX_COMMENT_CHARS) return body;
  }
  // Unreachable with the caps above; kept so the limit holds even if they change.
  return [header(finding), ...footer].join("\n\n");
}

function header(finding: Finding): string {
  const { rule, tool } = finding;
  const title = ruleTitle(finding);
  const parts = [`**${severityLabel(finding.severity)}**`, safeInline(rule.id, MAX_TITLE_CHARS)];
  if (title !== undefined) parts.push(safeInline(title, MAX_TITLE_CHARS));
  parts.push(safeInline(tool.name, MAX_TITLE_CHARS));
  return parts.join(" · ");
}

function suggestionSection(finding: Finding, suggestion: string | undefined): string {
  if (suggestion === undefined) return "";
  const description = finding.fixes[0]?.description;
  const title =
    description === undefined
      ? "**Suggested fix**"
      : `**Suggested fix:** ${safeInline(description, MAX_FIX_DESCRIPTION_CHARS)}`;
  return `${title}\n\n${codeFence(suggestion, "suggestion")}`;
}

function helpSection(finding: Finding): string {
  const shown = [finding.message, ruleTitle(finding) ?? ""];
  const help = ruleHelp(finding, shown);
  if (help === "") return "";
  const body = safeMarkdown(help, MAX_HELP_CHARS);
  return `<details>\n<summary>Rule help</summary>\n\n${body}\n\n</details>`;
}
