/** What the command parser hands to the command handler. */
import type { SuppressionReason } from "../store/suppression.js";

/**
 * Where the comment was written. Pass "thread" only for a reply in a Guardrail inline thread;
 * everything else (PR conversation, someone else's review thread) is "conversation".
 */
export type CommandWhere = "thread" | "conversation";

/**
 * The findings a command is about: the thread's own (every finding of its comment, or only the
 * `ids` named right after the command word), or one named by its GR- id in the conversation.
 */
export type CommandTarget = { kind: "thread"; ids?: string[] } | { kind: "id"; id: string };

export type ScopeOption = { kind: "finding" } | { kind: "rule" } | { kind: "path"; glob: string };

/** `date` is a calendar date `YYYY-MM-DD`; `days` counts from when the command is run. */
export type ExpiryOption = { kind: "date"; date: string } | { kind: "days"; days: number };

/**
 * `line` is the command line as written (trimmed). It is untrusted text: sanitise before
 * echoing it back into a comment.
 */
export type ParsedCommand =
  | {
      kind: "suppress";
      reason: SuppressionReason;
      justification: string;
      scope: ScopeOption;
      expires: ExpiryOption | null;
      target: CommandTarget;
      line: string;
    }
  | { kind: "open"; target: CommandTarget; line: string }
  /** An approver's answer to a suppression request: `note` for an approval, a reason to deny. */
  | { kind: "approve"; target: CommandTarget; note: string | null; line: string }
  | { kind: "deny"; target: CommandTarget; reason: string; line: string }
  | { kind: "list" | "recheck" | "help"; line: string }
  | { kind: "invalid"; problem: string; usage: string; line: string };
