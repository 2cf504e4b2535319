import { isTeamMember } from "../github/team-membership.js";
import { safeInline } from "../report/sanitize.js";
import type { Suppression } from "../store/suppression.js";
import { coveringSuppressions, type FindingKey } from "../triage/covering.js";
import { grantedExpiry } from "./approval-policy.js";
import { checkApprover } from "./approvers.js";
import type { CommandSession } from "./command-session.js";
import type { ParsedCommand } from "./command.js";
import { describe, until, who } from "./describe-suppression.js";
import { suppressInLifecycle } from "./suppression-lifecycle.js";

type DecisionCommand = Extract<ParsedCommand, { kind: "approve" | "deny" }>;

/**
 * `/approve` and `/deny`: an approver decides every request that covers the finding. The
 * requester is named with a real mention on a denial, since they are the one who must act on it.
 */
export async function decide(
  session: CommandSession,
  command: DecisionCommand,
  key: FindingKey & { id: string },
): Promise<string> {
  const store = session.ctx.deps.store.suppressions;
  const requests = coveringSuppressions(key, await store.listRequested(session.repoKey));
  if (requests.length === 0) return `ℹ️ ${key.id} has no suppression awaiting approval.`;
  const config = await session.config();
  const { approval } = config.suppressions;
  const { job, ctx } = session;
  const org = job.owner;
  const lines: string[] = [];
  for (const request of requests) {
    const verdict = await checkApprover({
      login: job.author,
      requester: request.author,
      approvers: approval.approvers,
      role: () => session.role(),
      isTeamMember: (team, username) =>
        isTeamMember(ctx.github, { org: team.org || org, teamSlug: team.slug, username }),
    });
    if (!verdict.allowed) {
      lines.push(`🚫 ${verdict.message} ${describe(request, key.id)} still awaits a decision.`);
      continue;
    }
    const now = new Date();
    const approving = command.kind === "approve";
    const { suppression, changed } = await store.decide(request.id, {
      verdict: approving ? "approved" : "denied",
      actor: job.author,
      note: approving ? command.note : command.reason,
      commentUrl: job.commentUrl,
      at: now,
      ...(approving ? { expiresAt: grantedExpiry(approval, request.expiresAt, now) } : {}),
    });
    if (!changed) {
      lines.push(`ℹ️ ${describe(suppression, key.id)} was already ${suppression.status}.`);
      continue;
    }
    session.changed = true;
    ctx.deps.metrics.suppressions.inc({
      reason: suppression.reason,
      action: approving ? "approved" : "denied",
    });
    if (approving) await suppressInLifecycle(ctx.deps.store, suppression);
    lines.push(
      approving
        ? approved(suppression, key.id, job.author)
        : denied(suppression, key.id, job.author),
    );
    session.decided.push({ suppression, verdict: approving ? "approved" : "denied" });
  }
  return lines.join("\n\n");
}

function approved(s: Suppression, id: string, by: string): string {
  const note = s.decision?.note ? `\n> ${safeInline(s.decision.note, 300)}` : "";
  return `✅ Approved the suppression of ${describe(s, id)} as **${s.reason}** (requested by ${who(s.author)}, approved by ${who(by)})${until(s)}.${note}`;
}

function denied(s: Suppression, id: string, by: string): string {
  const requester = s.author.replace(/[^A-Za-z0-9-]/g, "");
  return `⛔ @${requester}, ${who(by)} denied suppressing ${describe(s, id)}; it still counts.\n> ${safeInline(s.decision?.note ?? "", 300)}`;
}
