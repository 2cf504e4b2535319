import type { Finding } from "../findings/finding.js";
import type { CommandSession } from "./command-session.js";
import type { CommandTarget, ParsedCommand } from "./command.js";
import type { FindingKey } from "../triage/covering.js";
import { HELP_TEXT } from "./help.js";
import { inlineCode } from "./inline-code.js";
import { decide } from "./decide.js";
import { lift } from "./lift.js";
import { listSuppressions } from "./list-suppressions.js";
import { MAX_COMMANDS_PER_COMMENT } from "./parse.js";
import { suppress } from "./suppress.js";

/**
 * The findings of the Guardrail thread the command was written in, from its hidden marker
 * (src/report/marker.ts): `fingerprint`/`id` is the first, `fingerprints`/`ids` all of them.
 */
export interface ThreadFinding {
  fingerprint: string;
  id: string;
  fingerprints?: string[];
  ids?: string[];
}

type Outcome = string;
type Key = FindingKey & { id: string; finding: Finding | null };

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
    case "open":
    case "approve":
    case "deny": {
      const keys = await findingKeys(session, command.target, thread);
      if (typeof keys === "string") return `⚠️ ${keys}`;
      const replies: string[] = [];
      // A comment for several findings: the command applies to each (one reply line apiece).
      // Each suppression needs its own source (it makes a redelivered command idempotent), so
      // the k-th finding counts as command `index + k * MAX_COMMANDS_PER_COMMENT`: past any real one.
      for (const [k, key] of keys.entries()) {
        replies.push(await act(session, command, key, index + k * MAX_COMMANDS_PER_COMMENT));
      }
      return replies.join("\n\n");
    }
  }
}

function act(
  session: CommandSession,
  command: Extract<ParsedCommand, { kind: "suppress" | "open" | "approve" | "deny" }>,
  key: Key,
  index: number,
): Promise<Outcome> {
  switch (command.kind) {
    case "suppress":
      return suppress(session, command, key, index);
    case "open":
      return lift(session, key);
    case "approve":
    case "deny":
      return decide(session, command, key);
  }
}

async function findingKeys(
  session: CommandSession,
  target: CommandTarget,
  thread: ThreadFinding | null,
): Promise<Key[] | string> {
  const findings = await session.findings();
  if (target.kind === "thread") {
    if (!thread) return "This command only works as a reply in a Guardrail thread.";
    const marked = markedOf(thread);
    const named = target.ids ?? marked.map((m) => m.id);
    const unknown = named.filter((id) => !marked.some((m) => m.id === id));
    if (unknown.length > 0) {
      const list = marked.map((m) => m.id).join(", ");
      return `${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not among this comment's findings (${list}); nothing was changed.`;
    }
    return marked
      .filter((m) => named.includes(m.id))
      .map((m) => {
        const finding = findings.find((f) => f.fingerprint === m.fingerprint) ?? null;
        return { ...keyOf(finding), fingerprint: m.fingerprint, id: m.id, finding };
      });
  }
  const finding = findings.find((f) => f.id === target.id);
  if (!finding) {
    return `${target.id} is not a finding of this pull request's latest analysis. Ids are shown in Guardrail's comments and check run, e.g. ${inlineCode("/guardrail ignore GR-1a2b3c4d fp <why>")}.`;
  }
  return [{ ...keyOf(finding), fingerprint: finding.fingerprint, id: finding.id, finding }];
}

function markedOf(thread: ThreadFinding): { fingerprint: string; id: string }[] {
  const fingerprints = thread.fingerprints ?? [thread.fingerprint];
  const ids = thread.ids ?? [thread.id];
  return fingerprints.map((fingerprint, i) => ({ fingerprint, id: ids[i] ?? "" }));
}

function keyOf(finding: Finding | null) {
  return { tool: finding?.tool.name, ruleId: finding?.rule.id, path: finding?.location.path };
}
