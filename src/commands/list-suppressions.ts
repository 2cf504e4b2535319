import { safeInline } from "../report/sanitize.js";
import type { CommandSession } from "./command-session.js";
import { coveringSuppressions } from "../triage/covering.js";
import { scopeText, who } from "./describe-suppression.js";
import type { Suppression } from "../store/suppression.js";

/** `/guardrail list`: the active and requested suppressions that touch this PR's findings, as a table. */
export async function listSuppressions(session: CommandSession): Promise<string> {
  const findings = await session.findings();
  if ((await session.analyses()).length === 0) {
    return "ℹ️ Guardrail has not analysed this pull request yet.";
  }
  const { suppressions } = session.ctx.deps.store;
  const active = [
    ...(await suppressions.listActive(session.repoKey, new Date())),
    ...(await suppressions.listRequested(session.repoKey)),
  ];
  const rows: string[] = [];
  for (const finding of findings) {
    for (const s of coveringSuppressions(
      {
        fingerprint: finding.fingerprint,
        tool: finding.tool.name,
        ruleId: finding.rule.id,
        path: finding.location.path,
      },
      active,
    )) {
      rows.push(
        `| ${finding.id} | ${scopeText(s.scope)} | ${s.reason} | ${statusOf(s)} | ${who(s.author)} | ${s.expiresAt ? s.expiresAt.toISOString().slice(0, 10) : "never"} | ${safeInline(s.justification, 120)} |`,
      );
    }
  }
  if (rows.length === 0)
    return "ℹ️ No active or requested suppression covers this pull request's findings.";
  return [
    "| Finding | Scope | Reason | Status | By | Expires | Justification |",
    "|---|---|---|---|---|---|---|",
    ...rows.slice(0, 100),
  ].join("\n");
}

function statusOf(s: Suppression): string {
  if (s.status === "requested") return "awaiting approval";
  return s.decision ? `approved by ${who(s.decision.by)}` : "active";
}
