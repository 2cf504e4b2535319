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
import { asLevel } from "./severity.js";

export interface RunContext {
  run: Run;
  tool: ToolInfo;
  rules: RuleIndex;
  paths: PathContext;
  /** RuleInfo per descriptor and id, built once per run: findings share it (never mutated). */
  ruleInfos: Map<ReportingDescriptor | undefined, Map<string, RuleInfo>>;
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
  const severity = findingSeverity({
    kind: result.kind,
    baselineState: result.baselineState,
    resultProperties: result.properties,
    ruleProperties: rule?.properties,
    resultLevel: asLevel(result.level),
    ruleDefaultLevel: isRecord(defaultConfiguration)
      ? asLevel(defaultConfiguration["level"])
      : undefined,
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
  };
  if (primary.problem === undefined) return { kind: "finding", finding };
  const issue: ResultIssue = {
    level: "warning",
    key: "bad-lines",
    message: `${where} in ${primary.location.path}: ${primary.problem}; reported for the whole file`,
  };
  return { kind: "finding", finding, issue };
}
