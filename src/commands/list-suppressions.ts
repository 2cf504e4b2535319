import { safeInline } from "../report/sanitize.js";
import type { CommandSession } from "./command-session.js";
import { coveringSuppressions } from "../triage/covering.js";
import { scopeText, who } from "./describe-suppression.js";

/** `/guardrail list`: the active suppressions that touch this PR's findings, as a table. */
export async function listSuppressions(session: CommandSession): Promise<string> {
  const findings = await session.findings();
  if ((await session.analyses()).length === 0) {
    return "ℹ️ Guardrail has not analysed this pull request yet.";
  }
  const active = await session.ctx.deps.store.suppressions.listActive(session.repoKey, new Date());
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
        `| ${finding.id} | ${scopeText(s.scope)} | ${s.reason} | ${who(s.author)} | ${s.expiresAt ? s.expiresAt.toISOString().slice(0, 10) : "never"} | ${safeInline(s.justification, 120)} |`,
      );
    }
  }
  if (rows.length === 0) return "ℹ️ No active suppression covers this pull request's findings.";
  return [
    "| Finding | Scope | Reason | By | Expires | Justification |",
    "|---|---|---|---|---|---|",
    ...rows.slice(0, 100),
  ].join("\n");
}
