/**
 * Finds the rule (reportingDescriptor) a result refers to, by `rule` reference, `ruleIndex`
 * or id, in `tool.driver.rules` and `tool.extensions[].rules` (CodeQL keeps query rules in
 * extensions for query packs).
 */
import type { ReportingDescriptor, Result, Run, Tool, ToolComponent } from "sarif";
import { asIndex, asRecord, asString, isRecord, recordAt, records } from "./json-guards.js";

export interface RuleIndex {
  driver: ToolComponent | undefined;
  extensions: ToolComponent[];
  /** First descriptor per id, driver first, then extensions in order. */
  byId: Map<string, { rule: ReportingDescriptor; component: ToolComponent }>;
}

export interface RuleMatch {
  /** The rule id to report: `ruleId`, else `rule.id`, else the descriptor's, else "unknown". */
  id: string;
  rule: ReportingDescriptor | undefined;
  /** The component that holds the rule (for `globalMessageStrings`). */
  component: ToolComponent | undefined;
}

export const UNKNOWN_RULE_ID = "unknown";

/** Built once per run so that 100,000 results do not each scan every rule list. */
export function indexRules(run: Run): RuleIndex {
  const tool = asRecord<Tool>(run.tool);
  const driver = asRecord<ToolComponent>(tool?.driver);
  const extensions = records(tool?.extensions);
  const byId: RuleIndex["byId"] = new Map();
  for (const component of [driver, ...extensions]) {
    if (component === undefined) continue;
    for (const rule of records(component.rules)) {
      const id = asString(rule.id);
      if (id !== undefined && !byId.has(id)) byId.set(id, { rule, component });
    }
  }
  return { driver, extensions, byId };
}

/** The component a `toolComponent` reference names (by index into extensions, or by name). */
function referencedComponent(index: RuleIndex, reference: unknown): ToolComponent | undefined {
  if (!isRecord(reference)) return index.driver;
  const position = asIndex(reference["index"]);
  if (position !== undefined) return recordAt(index.extensions, position);
  const name = asString(reference["name"]);
  if (name === undefined) return index.driver;
  if (asString(index.driver?.name) === name) return index.driver;
  return index.extensions.find((extension) => asString(extension.name) === name);
}

function byPosition(component: ToolComponent | undefined, position: number | undefined) {
  return recordAt(component?.rules, position);
}

export function lookupRule(index: RuleIndex, result: Result): RuleMatch {
  const reference: unknown = result.rule;
  const referenceId = isRecord(reference) ? asString(reference["id"]) : undefined;
  const wantedId = asString(result.ruleId) ?? referenceId;
  let rule: ReportingDescriptor | undefined;
  let component: ToolComponent | undefined;
  if (isRecord(reference)) {
    component = referencedComponent(index, reference["toolComponent"]);
    rule = byPosition(component, asIndex(reference["index"]) ?? asIndex(result.ruleIndex));
  } else {
    component = index.driver;
    rule = byPosition(component, asIndex(result.ruleIndex));
  }
  // Trivy 0.15 wrote `ruleIndex: 0` on every result: an indexed rule whose id contradicts the
  // result's ruleId is the wrong rule (wrong help, wrong CVE) when the id names another one.
  const contradicts =
    rule !== undefined && wantedId !== undefined && asString(rule.id) !== wantedId;
  if (contradicts && index.byId.has(wantedId)) rule = undefined;
  if (rule === undefined && wantedId !== undefined) {
    const found = index.byId.get(wantedId);
    rule = found?.rule;
    component = found?.component;
  }
  const id = wantedId ?? asString(rule?.id) ?? UNKNOWN_RULE_ID;
  return { id, rule, component: rule === undefined ? undefined : component };
}
