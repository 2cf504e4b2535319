/**
 * `--format json`: the same decision for other tools. Field names are stable; SARIF text is
 * passed through as data (a JSON consumer escapes it for its own output).
 */
import type { TriagedFinding } from "../triage/disposition.js";
import { groupOf, type CheckReport } from "./check-report.js";
import { suppressedText } from "./render-text.js";

export const JSON_REPORT_VERSION = 1;

export function renderJson(report: CheckReport): string {
  const { gate, triaged } = report.evaluation;
  const document = {
    version: JSON_REPORT_VERSION,
    gate: {
      conclusion: gate.conclusion,
      blocked: gate.conclusion === "failure",
      reason: gate.reason,
      failOn: report.failOn,
    },
    base: report.base,
    head: report.headSha,
    tools: report.toolNames,
    findings: triaged.map((t) => findingJson(t, report)),
    notes: report.notes,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function findingJson(t: TriagedFinding, report: CheckReport) {
  const f = t.finding;
  return {
    id: f.id,
    fingerprint: f.fingerprint,
    group: groupOf(t, report.failOn),
    severity: f.severity,
    tool: f.tool.name,
    rule: f.rule.id,
    path: f.location.path,
    startLine: f.location.region?.startLine ?? null,
    endLine: f.location.region?.endLine ?? null,
    message: f.message,
    isNew: t.isNew,
    position: t.position,
    suppressed:
      t.suppressedBy === null
        ? null
        : { kind: t.suppressedBy.kind, text: suppressedText(t.suppressedBy) },
  };
}
