import type { RuleInfo } from "../findings/finding.js";
import { safeUrl } from "./sanitize.js";

/** A rule rarely maps to more; a long list would be a tag dump, not a classification. */
const MAX_CWE_TAGS = 5;

/** `external/cwe/cwe-079`, `CWE-79`, `cwe:79`… all name CWE 79. */
const CWE_TAG = /^(?:external\/cwe\/)?cwe[-:/ ]?0*(\d{1,5})$/i;

/** Distinct CWE numbers among the rule's tags, in tag order. */
export function cweIds(tags: string[]): number[] {
  const ids: number[] = [];
  for (const tag of tags) {
    const id = CWE_TAG.exec(tag.trim())?.[1];
    if (id !== undefined && !ids.includes(Number(id))) ids.push(Number(id));
  }
  return ids.slice(0, MAX_CWE_TAGS);
}

/** `[Rule documentation](…) · [CWE-79](…)`, or "" when there is no safe link to show. */
export function renderRuleLinks(rule: RuleInfo): string {
  const links: string[] = [];
  const help = safeUrl(rule.helpUri);
  if (help !== undefined) links.push(`[Rule documentation](${help})`);
  for (const id of cweIds(rule.tags)) {
    links.push(`[CWE-${id}](https://cwe.mitre.org/data/definitions/${id}.html)`);
  }
  return links.join(" · ");
}
