/** One SARIF result → one RawFinding, or the reason it is not one. */
import type { ReportingDescriptor, Result, Run } from "sarif";
import type { RawFinding, RuleInfo, ToolInfo } from "../findings/finding.js";
import type { PathContext } from "./artifact-path.js";
import { readFixes } from "./fixes.js";
import { identityHints } from "./identity-hints.js";
import { isRecord } from "./json-guards.js";
import { codeFlows, primaryLocation, relatedLocations } from "./location.js";
import { messageText } from "./message-text.js";
import type { ResultIssue } from "./result-issue.js";
import { findingSeverity } from "./result-kind.js";
import { ruleInfo } from "./rule-info.js";
import { lookupRule, type RuleIndex } from "./rule-lookup.js";
import { readSuppressions } from "./sarif-suppressions.js";
import { asLevel, DEFAULT_LEVEL } from "./severity.js";
import {
  resultVulnerabilityIds,
  ruleVulnerabilityIds,
  type VulnerabilityIds,
} from "./vulnerability-ids.js";

export interface RunContext {
  run: Run;
  tool: ToolInfo;
  rules: RuleIndex;
  paths: PathContext;
  /** RuleInfo per descriptor and id, built once per run: findings share it (never mutated). */
  ruleInfos: Map<ReportingDescriptor | undefined, Map<string, RuleInfo>>;
  /** CVE/CWE ids and CVSS per shared RuleInfo, read once per rule. */
  vulnerabilityIds: Map<RuleInfo, VulnerabilityIds>;
}

function vulnerabilityIdsOf(
  context: RunContext,
  info: RuleInfo,
  rule: ReportingDescriptor | undefined,
  result: Result,
): VulnerabilityIds {
  let ofRule = context.vulnerabilityIds.get(info);
  if (ofRule === undefined)
    context.vulnerabilityIds.set(info, (ofRule = ruleVulnerabilityIds(info, rule)));
  return resultVulnerabilityIds(ofRule, result);
}

function sharedRuleInfo(
  context: RunContext,
  id: string,
  rule: ReportingDescriptor | undefined,
): RuleInfo {
  let byId = context.ruleInfos.get(rule);
  if (byId === undefined) context.ruleInfos.set(rule, (byId = new Map<string, RuleInfo>()));
  let info = byId.get(id);
  if (info === undefined) byId.set(id, (info = ruleInfo(id, rule, context.run)));
  return info;
}

export type ResultReading =
  | { kind: "finding"; finding: RawFinding; issue?: ResultIssue }
  | { kind: "skipped" }
  | { kind: "dropped"; issue: ResultIssue };

export function normaliseResult(context: RunContext, result: Result): ResultReading {
  const match = lookupRule(context.rules, result);
  const rule = match.rule;
  const defaultConfiguration: unknown = rule?.defaultConfiguration;
  const resultLevel = asLevel(result.level);
  const ruleDefaultLevel = isRecord(defaultConfiguration)
    ? asLevel(defaultConfiguration["level"])
    : undefined;
  const severity = findingSeverity({
    kind: result.kind,
    baselineState: result.baselineState,
    resultProperties: result.properties,
    ruleProperties: rule?.properties,
    resultLevel,
    ruleDefaultLevel,
  });
  if (severity === null) return { kind: "skipped" };

  const where = `${context.tool.name} rule ${match.id}`;
  const primary = primaryLocation(context.paths, result);
  if (primary.kind === "unlocated") {
    return {
      kind: "dropped",
      issue: {
        level: "info",
        key: "no-file",
        message: `${where}: a result names no file; skipped`,
      },
    };
  }
  const info = sharedRuleInfo(context, match.id, rule);
  const finding: RawFinding = {
    tool: context.tool,
    rule: info,
    severity,
    message: messageText(
      result.message,
      { rule, component: match.component, driver: context.rules.driver },
      info.shortDescription ?? info.id,
    ),
    location: primary.location,
    relatedLocations: relatedLocations(context.paths, result),
    codeFlows: codeFlows(context.paths, result),
    fixes: readFixes(context.paths, result),
    suppressions: readSuppressions(result),
    identity: identityHints(result),
    level: resultLevel ?? ruleDefaultLevel ?? DEFAULT_LEVEL,
    ...vulnerabilityIdsOf(context, info, rule, result),
  };
  if (primary.problem === undefined) return { kind: "finding", finding };
  const issue: ResultIssue = {
    level: "warning",
    key: "bad-lines",
    message: `${where} in ${primary.location.path}: ${primary.problem}; reported for the whole file`,
  };
  return { kind: "finding", finding, issue };
}
