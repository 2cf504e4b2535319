import type { ReasonWord } from "./reasons.js";

const OPTIONS_USAGE = "[--scope finding|rule|path:<glob>] [--expires <YYYY-MM-DD|Nd>]";

/** Which command's usage an error reply shows. `guardrail` is the whole conversation list. */
export type UsageKind =
  | ReasonWord
  | "open"
  | "approve"
  | "deny"
  | "guardrail"
  | "guardrail approve"
  | "guardrail deny"
  | "guardrail ignore"
  | "guardrail open"
  | "guardrail list"
  | "guardrail recheck"
  | "guardrail help";

const USAGE: Readonly<Record<UsageKind, string>> = {
  fp: `/fp <justification> ${OPTIONS_USAGE}`,
  ar: `/ar <justification> ${OPTIONS_USAGE}`,
  wontfix: `/wontfix <justification> ${OPTIONS_USAGE}`,
  tests: `/tests <justification> ${OPTIONS_USAGE}`,
  other: `/other <justification> ${OPTIONS_USAGE}`,
  open: "/open",
  approve: "/approve [GR-id…] [note]",
  deny: "/deny [GR-id…] <reason>",
  "guardrail approve": "/guardrail approve <GR-id> [note]",
  "guardrail deny": "/guardrail deny <GR-id> <reason>",
  "guardrail ignore": `/guardrail ignore <GR-id> <fp|ar|wontfix|tests|other> <justification> ${OPTIONS_USAGE}`,
  "guardrail open": "/guardrail open <GR-id>",
  "guardrail list": "/guardrail list",
  "guardrail recheck": "/guardrail recheck",
  "guardrail help": "/guardrail help",
  guardrail: [
    `/guardrail ignore <GR-id> <fp|ar|wontfix|tests|other> <justification> ${OPTIONS_USAGE}`,
    "/guardrail open <GR-id>",
    "/guardrail approve <GR-id> [note]",
    "/guardrail deny <GR-id> <reason>",
    "/guardrail list | recheck | help",
  ].join("\n"),
};

/** The right form of a command, as plain text (the caller puts it in a code block). */
export function usageFor(kind: UsageKind): string {
  return USAGE[kind];
}

/** Markdown answer to `/guardrail help`; the README embeds the same text. */
export const HELP_TEXT = `### Guardrail commands

Reply in a Guardrail comment thread (the command must start a line):

| Command | Records the finding as |
|---|---|
| \`/fp <justification>\` | false positive |
| \`/ar <justification>\` | accepted risk |
| \`/wontfix <justification>\` | won't fix |
| \`/tests <justification>\` | used in tests |
| \`/other <justification>\` | other |
| \`/open\` | lifts its suppressions |
| \`/approve [note]\` | approves a suppression request (approvers only) |
| \`/deny <reason>\` | denies a suppression request (approvers only) |

A comment that lists several findings (one location, many checks) is answered as a whole: the
command applies to each of its findings. Name ids right after the command word to pick some:
\`/fp GR-1a2b3c4d GR-5e6f7a8b <justification>\`.

Anywhere in the pull request conversation:

| Command | Does |
|---|---|
| \`/guardrail ignore <GR-id> <fp\\|ar\\|wontfix\\|tests\\|other> <justification>\` | suppresses the finding with that id |
| \`/guardrail open <GR-id>\` | lifts its suppressions |
| \`/guardrail approve <GR-id> [note]\` | approves the request to suppress it |
| \`/guardrail deny <GR-id> <reason>\` | denies the request to suppress it |
| \`/guardrail list\` | lists the findings and suppressions of this pull request |
| \`/guardrail recheck\` | re-evaluates the check with the current suppressions |
| \`/guardrail help\` | shows this help |

Options, anywhere after the command word:

- \`--scope finding|rule|path:<glob>\`: one finding (the default), every finding of the rule, or
  every finding of the rule in files matching the glob. Rule and path scopes need the maintain
  role by default.
- \`--expires <YYYY-MM-DD|Nd>\`: the suppression ends on that date or after N days (at most two
  years).

Where the repository or organisation asks for approval (\`suppressions.approval.required_for\`),
a suppression of a finding at or above that severity is a request: the finding keeps counting
until an approver (a listed login or team member, never the requester) answers \`/approve\` or
\`/deny <reason>\` in its thread.

A justification is required. Examples:

\`\`\`
/fp the input is escaped by sanitize() before it reaches the query
/ar internal admin endpoint behind the VPN --expires 90d
/tests fixture credentials, never deployed --scope path:test/**
/fp GR-1a2b3c4d GR-5e6f7a8b both checks read a variable that is private by policy
/guardrail ignore GR-1a2b3c4d wontfix legacy module, removed in Q3 --expires 2027-01-31
/guardrail open GR-1a2b3c4d
\`\`\`
`;
