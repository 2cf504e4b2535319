import type { Finding } from "../findings/finding.js";
import type { CommandSession } from "./command-session.js";
import type { CommandTarget, ParsedCommand } from "./command.js";
import type { FindingKey } from "./covering.js";
import { HELP_TEXT } from "./help.js";
import { inlineCode } from "./inline-code.js";
import { lift } from "./lift.js";
import { listSuppressions } from "./list-suppressions.js";
import { suppress } from "./suppress.js";

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
  const findings = await session.findings();
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
