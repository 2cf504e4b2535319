import type { CommandTarget, CommandWhere, ParsedCommand } from "./command.js";
import { commandLines } from "./command-lines.js";
import { parseFindingId } from "./finding-id.js";
import { usageFor, type UsageKind } from "./help.js";
import { inlineCode } from "./inline-code.js";
import { splitOptions, type CommandOptions } from "./options.js";
import { isReasonWord, reasonFromWord } from "./reasons.js";

/** Stored with the suppression and echoed in replies and the check summary. */
export const MAX_JUSTIFICATION_LENGTH = 1_000;
/** Each command writes to the store and re-evaluates the check: a comment gets a handful. */
export const MAX_COMMANDS_PER_COMMENT = 10;

/**
 * Every command in a comment, in order. A line that is not a Guardrail command (`/lgtm`, or
 * prose that mentions `/fp` mid-line) yields nothing; a malformed command yields `invalid`.
 */
export function parseCommands(body: string, where: CommandWhere): ParsedCommand[] {
  const commands = commandLines(body).flatMap((line) => parseLine(line, where) ?? []);
  if (commands.length <= MAX_COMMANDS_PER_COMMENT) return commands;
  const extra = commands.length - MAX_COMMANDS_PER_COMMENT;
  const problem = `Only the first ${MAX_COMMANDS_PER_COMMENT} commands of a comment are run; ${extra} more were ignored.`;
  const firstIgnored = commands[MAX_COMMANDS_PER_COMMENT]?.line ?? "";
  return [
    ...commands.slice(0, MAX_COMMANDS_PER_COMMENT),
    invalid(problem, "guardrail", firstIgnored),
  ];
}

function parseLine(line: string, where: CommandWhere): ParsedCommand | null {
  const [head = "", ...rest] = line.split(/\s+/);
  const word = head.slice(1).toLowerCase();
  if (word === "guardrail") return parseGuardrail(rest, line);
  if (word === "open") {
    if (where === "thread")
      return { kind: "open", target: threadTarget(leadingIds(rest).ids), line };
    const problem = "/open works only as a reply in a Guardrail thread; here, name the finding.";
    return invalid(problem, "guardrail open", line);
  }
  if (word === "approve" || word === "deny") {
    if (where === "conversation") {
      const problem = `/${word} works only as a reply in a Guardrail thread; here, name the finding with /guardrail ${word}.`;
      return invalid(problem, `guardrail ${word}`, line);
    }
    const { ids, words } = leadingIds(rest);
    return decision(word, threadTarget(ids), words, word, line);
  }
  if (!isReasonWord(word)) return null;
  if (where === "conversation") {
    const problem = `/${word} works only as a reply in a Guardrail thread; here, name the finding with /guardrail ignore.`;
    return invalid(problem, "guardrail ignore", line);
  }
  const options = splitOptions(rest);
  if (!options.ok) return invalid(options.problem, word, line);
  const { ids, words } = leadingIds(options.words);
  return suppress(threadTarget(ids), word, options, words, word, line);
}

/**
 * The `GR-` ids right after a thread command's word (`/fp GR-1a2b3c4d GR-5e6f7a8b <why>`), which
 * narrow it to those findings of the comment; the words after them are the rest of the command.
 * Exported so every thread command (suppress, open, approve…) names findings the same way.
 */
export function leadingIds(words: readonly string[]): { ids: string[]; words: string[] } {
  const ids: string[] = [];
  let i = 0;
  for (; i < words.length; i += 1) {
    const id = parseFindingId((words[i] ?? "").replace(/,$/, ""));
    if (id === null) break;
    if (!ids.includes(id)) ids.push(id);
  }
  return { ids, words: words.slice(i) };
}

function threadTarget(ids: string[]): CommandTarget {
  return ids.length === 0 ? { kind: "thread" } : { kind: "thread", ids };
}

function parseGuardrail(tokens: readonly string[], line: string): ParsedCommand {
  const [sub, ...rest] = tokens;
  if (sub === undefined) return invalid("/guardrail needs a subcommand.", "guardrail", line);
  const name = sub.toLowerCase();
  switch (name) {
    case "list":
    case "recheck":
    case "help":
      return { kind: name, line };
    case "open": {
      const id = findingId(rest[0], "guardrail open", line);
      return typeof id === "string" ? { kind: "open", target: { kind: "id", id }, line } : id;
    }
    case "approve":
    case "deny": {
      const usage = `guardrail ${name}` as const;
      const id = findingId(rest[0], usage, line);
      if (typeof id !== "string") return id;
      return decision(name, { kind: "id", id }, rest.slice(1), usage, line);
    }
    case "ignore": {
      const options = splitOptions(rest);
      if (!options.ok) return invalid(options.problem, "guardrail ignore", line);
      const [idWord, reasonWord, ...justification] = options.words;
      const id = findingId(idWord, "guardrail ignore", line);
      if (typeof id !== "string") return id;
      if (reasonWord === undefined)
        return invalid("The reason is missing.", "guardrail ignore", line);
      const target = { kind: "id", id } as const;
      return suppress(target, reasonWord, options, justification, "guardrail ignore", line);
    }
    default:
      return invalid(`Unknown subcommand ${inlineCode(sub)}.`, "guardrail", line);
  }
}

function suppress(
  target: CommandTarget,
  reasonWord: string,
  options: CommandOptions,
  justificationWords: readonly string[],
  usage: UsageKind,
  line: string,
): ParsedCommand {
  const reason = reasonFromWord(reasonWord);
  if (reason === null) {
    const problem = `Unknown reason ${inlineCode(reasonWord)}; use fp, ar, wontfix, tests or other.`;
    return invalid(problem, usage, line);
  }
  const justification = justificationWords.join(" ").trim();
  if (justification === "") return invalid("A justification is required.", usage, line);
  if (justification.length > MAX_JUSTIFICATION_LENGTH) {
    const problem = `The justification is ${justification.length} characters; the limit is ${MAX_JUSTIFICATION_LENGTH}.`;
    return invalid(problem, usage, line);
  }
  const scope = options.scope ?? { kind: "finding" };
  return { kind: "suppress", reason, justification, scope, expires: options.expires, target, line };
}

/** `/approve [note]` needs nothing more; `/deny` needs the reason the requester will read. */
function decision(
  verdict: "approve" | "deny",
  target: CommandTarget,
  words: readonly string[],
  usage: UsageKind,
  line: string,
): ParsedCommand {
  const text = words.join(" ").trim();
  if (text.length > MAX_JUSTIFICATION_LENGTH) {
    const problem = `The ${verdict === "deny" ? "reason" : "note"} is ${text.length} characters; the limit is ${MAX_JUSTIFICATION_LENGTH}.`;
    return invalid(problem, usage, line);
  }
  if (verdict === "approve")
    return { kind: "approve", target, note: text === "" ? null : text, line };
  if (text === "") return invalid("A reason is required to deny a request.", usage, line);
  return { kind: "deny", target, reason: text, line };
}

/** The normalised id, or the `invalid` command saying what is wrong with it. */
function findingId(
  word: string | undefined,
  usage: UsageKind,
  line: string,
): string | ParsedCommand {
  if (word === undefined) return invalid("The finding id (GR-…) is missing.", usage, line);
  const id = parseFindingId(word);
  if (id !== null) return id;
  const problem = `${inlineCode(word)} is not a finding id: GR- followed by 8 hex characters.`;
  return invalid(problem, usage, line);
}

function invalid(problem: string, usage: UsageKind, line: string): ParsedCommand {
  return { kind: "invalid", problem, usage: usageFor(usage), line };
}
