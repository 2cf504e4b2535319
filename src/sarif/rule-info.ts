/**
 * What a finding says about its rule: names, help and tags, with CWE ids added as `CWE-79`
 * tags from the rule's `relationships` to the CWE taxonomy (gosec, KICS) and from CodeQL's
 * `external/cwe/cwe-079` tags.
 */
import type { ReportingDescriptor, Run } from "sarif";
import type { RuleInfo } from "../findings/finding.js";
import { asIndex, asString, isRecord, optional, recordAt, records } from "./json-guards.js";
import {
  cappedString,
  MAX_HELP_LENGTH,
  MAX_SHORT_TEXT_LENGTH,
  MAX_URI_LENGTH,
} from "./truncate-text.js";

/** Real rules carry a handful of tags; a rule is not a place to store thousands. */
export const MAX_TAGS_PER_RULE = 50;

const CODEQL_CWE_TAG = /^external\/cwe\/cwe-0*(\d+)$/i;
const CWE_ID = /^(?:CWE-)?0*(\d+)$/i;

function textOf(message: unknown, field: "text" | "markdown"): string | undefined {
  return isRecord(message) ? asString(message[field]) : undefined;
}

/** The name of the taxonomy a relationship target points into. */
function taxonomyName(run: Run, toolComponent: unknown): string | undefined {
  if (!isRecord(toolComponent)) return undefined;
  const named = asString(toolComponent["name"]);
  if (named !== undefined) return named;
  const taxonomy = recordAt(run.taxonomies, asIndex(toolComponent["index"]));
  return asString(taxonomy?.name);
}

function cweIdsFromRelationships(run: Run, rule: ReportingDescriptor): string[] {
  const ids: string[] = [];
  for (const relationship of records(rule.relationships)) {
    const target: unknown = relationship.target;
    if (!isRecord(target)) continue;
    if (taxonomyName(run, target["toolComponent"])?.toUpperCase() !== "CWE") continue;
    const match = CWE_ID.exec(asString(target["id"]) ?? "");
    if (match?.[1] !== undefined) ids.push(`CWE-${match[1]}`);
  }
  return ids;
}

function tagsOf(run: Run, rule: ReportingDescriptor | undefined): string[] {
  if (rule === undefined) return [];
  const properties: unknown = rule.properties;
  const declared =
    isRecord(properties) && Array.isArray(properties["tags"]) ? properties["tags"] : [];
  const tags = (declared as unknown[])
    .map((tag) => cappedString(tag, MAX_SHORT_TEXT_LENGTH))
    .filter((tag): tag is string => tag !== undefined && tag.length > 0);
  const fromCodeQl = tags.flatMap((tag) => {
    const match = CODEQL_CWE_TAG.exec(tag);
    return match?.[1] === undefined ? [] : [`CWE-${match[1]}`];
  });
  const unique = new Set([...tags, ...fromCodeQl, ...cweIdsFromRelationships(run, rule)]);
  return [...unique].slice(0, MAX_TAGS_PER_RULE);
}

/** A cut URI points somewhere else: an overlong one is dropped, not truncated. */
function boundedUri(value: unknown): string | undefined {
  const uri = asString(value);
  return uri !== undefined && uri.length <= MAX_URI_LENGTH ? uri : undefined;
}

export function ruleInfo(id: string, rule: ReportingDescriptor | undefined, run: Run): RuleInfo {
  const shortDescription = rule?.shortDescription;
  const help = rule?.help;
  return {
    id: cappedString(id, MAX_SHORT_TEXT_LENGTH) ?? id,
    ...optional("name", cappedString(rule?.name, MAX_SHORT_TEXT_LENGTH)),
    ...optional(
      "shortDescription",
      cappedString(
        textOf(shortDescription, "text") ?? textOf(shortDescription, "markdown"),
        MAX_SHORT_TEXT_LENGTH,
      ),
    ),
    ...optional("helpText", cappedString(textOf(help, "text"), MAX_HELP_LENGTH)),
    ...optional("helpMarkdown", cappedString(textOf(help, "markdown"), MAX_HELP_LENGTH)),
    ...optional("helpUri", boundedUri(rule?.helpUri)),
    tags: tagsOf(run, rule),
  };
}
