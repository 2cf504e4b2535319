import type { Finding } from "../findings/finding.js";
import { groupKey } from "./trackable.js";

/**
 * The safety net under the tracker: flagged lines (rule and snippet hash) that existed at the
 * base. A finding on a line the pull request did not change, whose line was there before with
 * the same rule, was not introduced by it, whatever the tracker made of it.
 */
export type BaseSnippets = ReadonlySet<string>;

export function baseSnippets(
  items: readonly { tool: string; ruleId: string; snippet: string }[],
): BaseSnippets {
  return new Set(items.filter((i) => i.snippet !== "").map(snippetId));
}

export function existedAtBase(finding: Finding, snippets: BaseSnippets): boolean {
  const snippet = finding.track?.snippet ?? "";
  if (snippet === "" || snippets.size === 0) return false;
  return snippets.has(snippetId({ tool: finding.tool.name, ruleId: finding.rule.id, snippet }));
}

function snippetId(item: { tool: string; ruleId: string; snippet: string }): string {
  return `${groupKey(item)}\0${item.snippet}`;
}
