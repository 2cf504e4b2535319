import type { Finding } from "../findings/finding.js";
import { safeInline } from "../report/sanitize.js";
import type { Suppression, SuppressionScope } from "../store/suppression.js";
import { authorize } from "./authorize.js";
import type { CommandSession } from "./command-session.js";
import type { CommandTarget, ParsedCommand, ScopeOption } from "./command.js";
import { coveringSuppressions, type FindingKey } from "./covering.js";
import { resolveExpiry } from "./expiry.js";
import { HELP_TEXT } from "./help.js";
import { inlineCode } from "./inline-code.js";

/** The finding of the Guardrail thread the command was written in, from its hidden marker. */
export interface ThreadFinding {
  fingerprint: string;
  id: string;
}

type Outcome = string;

/** Runs one parsed command; returns the reply's paragraph for it. */
export async function execute(
  session: CommandSession,
  command: ParsedCommand,
  thread: ThreadFinding | null,
  index: number,
): Promise<Outcome> {
  switch (command.kind) {
    case "invalid":
      return `⚠️ ${command.problem}\n\nUsage: ${inlineCode(command.usage)}`;
    case "help":
      return HELP_TEXT;
    case "list":
      return listSuppressions(session);
    case "recheck":
      session.changed = true;
      return "🔁 Re-evaluating the latest analysis of this pull request.";
    case "suppress":
    case "open": {
      const key = await findingKey(session, command.target, thread);
      if (typeof key === "string") return `⚠️ ${key}`;
      return command.kind === "suppress"
        ? suppress(session, command, key, index)
        : lift(session, key);
    }
  }
}

async function findingKey(
  session: CommandSession,
  target: CommandTarget,
  thread: ThreadFinding | null,
): Promise<(FindingKey & { id: string; finding: Finding | null }) | string> {
  const analysis = await session.analysis();
  const findings = analysis?.findings ?? [];
  if (target.kind === "thread") {
    if (!thread) return "This command only works as a reply in a Guardrail thread.";
    const finding = findings.find((f) => f.fingerprint === thread.fingerprint) ?? null;
    return { ...keyOf(finding), fingerprint: thread.fingerprint, id: thread.id, finding };
  }
  const finding = findings.find((f) => f.id === target.id);
  if (!finding) {
    return `${target.id} is not a finding of this pull request's latest analysis. Ids are shown in Guardrail's comments and check run, e.g. ${inlineCode("/guardrail ignore GR-1a2b3c4d fp <why>")}.`;
  }
  return { ...keyOf(finding), fingerprint: finding.fingerprint, id: finding.id, finding };
}

function keyOf(finding: Finding | null) {
  return { tool: finding?.tool.name, ruleId: finding?.rule.id, path: finding?.location.path };
}

async function suppress(
  session: CommandSession,
  command: Extract<ParsedCommand, { kind: "suppress" }>,
  key: FindingKey & { id: string },
  index: number,
): Promise<Outcome> {
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
  const suppression = await session.ctx.deps.store.suppressions.create({
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
  session.ctx.deps.metrics.suppressions.inc({ reason: command.reason, action: "created" });
  return `🔕 Suppressed ${describe(suppression, key.id)} as **${command.reason}** by ${who(job.author)}${until(suppression)}.\n> ${safeInline(command.justification, 300)}`;
}

async function lift(session: CommandSession, key: FindingKey & { id: string }): Promise<Outcome> {
  const store = session.ctx.deps.store.suppressions;
  const covering = coveringSuppressions(key, await store.listActive(session.repoKey, new Date()));
  if (covering.length === 0) return `ℹ️ ${key.id} has no active suppression.`;
  const [config, role] = await Promise.all([session.config(), session.role()]);
  for (const suppression of covering) {
    const allowed = authorize({
      role,
      scope: suppression.scope,
      config: config.suppressions,
      login: session.job.author,
      action: "lift",
    });
    if (!allowed.allowed) return `🚫 ${allowed.message} Nothing was lifted.`;
  }
  for (const suppression of covering) {
    await store.lift(suppression.id, session.job.author, session.job.commentUrl);
    session.ctx.deps.metrics.suppressions.inc({ reason: suppression.reason, action: "lifted" });
  }
  session.changed = true;
  const lifted = covering.map((s) => describe(s, key.id)).join(", ");
  return `🔔 Lifted ${covering.length === 1 ? "the suppression" : `${covering.length} suppressions`} of ${lifted} (by ${who(session.job.author)}): ${key.id} counts again.`;
}

async function listSuppressions(session: CommandSession): Promise<Outcome> {
  const analysis = await session.analysis();
  if (!analysis) return "ℹ️ Guardrail has not analysed this pull request yet.";
  const active = await session.ctx.deps.store.suppressions.listActive(session.repoKey, new Date());
  const rows: string[] = [];
  for (const finding of analysis.findings) {
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

function scopeOf(option: ScopeOption, key: FindingKey): SuppressionScope | null {
  if (option.kind === "finding") return { kind: "finding", fingerprint: key.fingerprint };
  if (!key.tool || !key.ruleId) return null;
  const tool = key.tool.toLowerCase();
  return option.kind === "rule"
    ? { kind: "rule", tool, ruleId: key.ruleId }
    : { kind: "path", tool, ruleId: key.ruleId, pathGlob: option.glob };
}

function describe(s: Suppression, id: string): string {
  return s.scope.kind === "finding" ? id : `${scopeText(s.scope)} (via ${id})`;
}

function scopeText(scope: SuppressionScope): string {
  if (scope.kind === "finding") return "this finding";
  if (scope.kind === "rule") return `rule ${inlineCode(scope.ruleId)} everywhere`;
  return `rule ${inlineCode(scope.ruleId)} in ${inlineCode(scope.pathGlob)}`;
}

function until(s: Suppression): string {
  return s.expiresAt ? `, until ${s.expiresAt.toISOString().slice(0, 10)}` : "";
}

/** Names a person without notifying them again. */
function who(login: string): string {
  return inlineCode(`@${login}`);
}
