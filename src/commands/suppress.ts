import type { SuppressionScope } from "../store/suppression.js";
import { safeInline } from "../report/sanitize.js";
import { authorize } from "./authorize.js";
import type { CommandSession } from "./command-session.js";
import type { ParsedCommand, ScopeOption } from "./command.js";
import type { FindingKey } from "../triage/covering.js";
import { describe, until, who } from "./describe-suppression.js";
import { resolveExpiry } from "./expiry.js";
import { inlineCode } from "./inline-code.js";
import { suppressInLifecycle } from "./suppression-lifecycle.js";
import { needsApproval } from "./approval-policy.js";
import { whoMay } from "./approvers.js";
import type { Finding, Severity } from "../findings/finding.js";

/** Records a suppression (permission and expiry checked); returns the reply's paragraph. */
export async function suppress(
  session: CommandSession,
  command: Extract<ParsedCommand, { kind: "suppress" }>,
  key: FindingKey & { id: string; finding?: Finding | null },
  index: number,
): Promise<string> {
  const scope = scopeOf(command.scope, key);
  if (!scope)
    return `⚠️ ${key.id} is no longer reported, so only ${inlineCode("--scope finding")} can apply to it.`;
  const [config, role] = await Promise.all([session.config(), session.role()]);
  const allowed = authorize({
    role,
    scope,
    config: config.suppressions,
    login: session.job.author,
  });
  if (!allowed.allowed) return `🚫 ${allowed.message} Nothing was suppressed.`;
  const now = new Date();
  const expiry = resolveExpiry(command.expires, config.suppressions.default_expiry, now);
  if (!expiry.ok) return `⚠️ ${expiry.problem}`;
  const { job } = session;
  // One comment may hold several commands; each gets its own source so they stay distinct.
  const source = index === 0 ? job.commentUrl : `${job.commentUrl}#command-${index + 1}`;
  const { approval } = config.suppressions;
  const requesting = needsApproval(approval, key.finding?.severity);
  const suppression = await session.ctx.deps.store.suppressions.create({
    status: requesting ? "requested" : "active",
    repo: session.repoKey,
    scope,
    reason: command.reason,
    justification: command.justification,
    author: job.author,
    createdAt: now,
    expiresAt: expiry.expiresAt,
    source,
    findingId: key.id,
    actor: job.author,
    commentUrl: job.commentUrl,
  });
  session.changed = true;
  const quoted = `\n> ${safeInline(command.justification, 300)}`;
  if (suppression.status === "requested") {
    session.requested.push(suppression);
    session.ctx.deps.metrics.suppressions.inc({ reason: command.reason, action: "requested" });
    return `📝 Requested suppressing ${describe(suppression, key.id)} as **${command.reason}** (by ${who(job.author)})${until(suppression)}. ${severityText(key.finding?.severity)} needs approval first, and it counts until then: ${whoMay(approval.approvers)} An approver replies \`/approve\` or \`/deny <reason>\` here.${quoted}`;
  }
  await suppressInLifecycle(session.ctx.deps.store, suppression);
  session.ctx.deps.metrics.suppressions.inc({ reason: command.reason, action: "created" });
  return `🔕 Suppressed ${describe(suppression, key.id)} as **${command.reason}** by ${who(job.author)}${until(suppression)}.${quoted}`;
}

function severityText(severity: Severity | undefined): string {
  return severity === undefined ? "A finding no longer reported" : `A ${severity} finding`;
}

function scopeOf(option: ScopeOption, key: FindingKey): SuppressionScope | null {
  if (option.kind === "finding") return { kind: "finding", fingerprint: key.fingerprint };
  if (!key.tool || !key.ruleId) return null;
  const tool = key.tool.toLowerCase();
  return option.kind === "rule"
    ? { kind: "rule", tool, ruleId: key.ruleId }
    : { kind: "path", tool, ruleId: key.ruleId, pathGlob: option.glob };
}
