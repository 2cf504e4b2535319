import type { Finding } from "../findings/finding.js";

/**
 * Rule text that describes the finding at hand. Some scanners write one instance into the rule
 * itself: Checkov's rule help is the check's sentence plus "Resource: <the first failing
 * resource>", the same for every result of the rule, so on any other resource it names the wrong
 * one. The result's own message describes this finding; the rule adds only what it does not say.
 */

/** A help line naming one failing instance (Checkov: `Resource: module.x.aws_s3_bucket.this`). */
const INSTANCE_LINE = /^(?:resource|resource id|resource name|file|line)\s*:/i;

/** Text compared as a reader would: case, quotes, trailing punctuation and spacing aside. */
export function sameSentence(text: string): string {
  return text
    .trim()
    .replace(/^["'\s]+|["'\s.!:;]+$/g, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** The rule's title for the header, or undefined when it only repeats the message. */
export function ruleTitle(finding: Finding): string | undefined {
  const { rule } = finding;
  const title = rule.shortDescription ?? rule.name;
  if (title === undefined || title === rule.id) return undefined;
  return sameSentence(title) === sameSentence(finding.message) ? undefined : title;
}

/**
 * The rule help with what the comment already says removed: lines equal to a sentence shown
 * above, and lines naming one instance (plain-text help only: markdown help is the rule's
 * documentation, not a template filled with a resource). "" when nothing is left.
 */
export function ruleHelp(finding: Finding, shown: readonly string[]): string {
  const { helpMarkdown, helpText } = finding.rule;
  const help = helpMarkdown ?? helpText;
  if (help === undefined) return "";
  const seen = new Set(shown.map(sameSentence));
  const kept: string[] = [];
  // Checkov 2 wraps the whole help in quotes.
  const unquoted = /^\s*"[^]*"\s*$/.test(help) ? help.trim().slice(1, -1) : help;
  for (const line of unquoted.split("\n")) {
    const key = sameSentence(line);
    if (key !== "" && seen.has(key)) continue;
    if (helpMarkdown === undefined && INSTANCE_LINE.test(key)) continue;
    if (key !== "") seen.add(key);
    kept.push(line);
  }
  return kept.join("\n").trim();
}
