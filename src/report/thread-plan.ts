import type { TriagedFinding } from "../triage/disposition.js";

/** One of Guardrail's inline comments and its thread, with every finding its marker carries. */
export interface OurThread {
  /** GraphQL id; "" when only the REST comment is known (nothing to resolve yet). */
  threadId: string;
  /** REST id of the thread's first comment (Guardrail's), to reply to. */
  commentId: number;
  isResolved: boolean;
  /** Most severe first; `ids[i]` is the `GR-…` id of `fingerprints[i]`. */
  fingerprints: string[];
  ids: string[];
}

/** What a command just changed; null for an analysis of a new commit. */
export interface CommandChange {
  /** Fingerprints a `/open` lifted the suppression of: their resolved threads reopen. */
  reopened: ReadonlySet<string>;
}

export interface ThreadPlan {
  resolve: OurThread[];
  reopen: OurThread[];
  reply: { thread: OurThread; body: string }[];
}

/**
 * The thread rules, for analyses and commands alike. A thread resolves when every finding it
 * carries is gone or suppressed; when some are gone (fixed), a reply names them and the commit.
 * After a command, a finding not judged is unknown, not gone (the PR's other workflows report it),
 * and a resolved thread reopens when a finding it carries was just lifted and is open again.
 * Threads people resolved by hand are otherwise left alone.
 */
export function planThreads(input: {
  threads: readonly OurThread[];
  /** Every finding judged; one judged by several analyses counts as suppressed if any says so. */
  judged: readonly TriagedFinding[];
  change: CommandChange | null;
  headSha: string;
}): ThreadPlan {
  const suppressed = new Map<string, boolean>();
  for (const t of input.judged) {
    const fp = t.finding.fingerprint;
    suppressed.set(fp, (suppressed.get(fp) ?? false) || t.suppressedBy !== null);
  }
  const stateOf = (fp: string) => {
    const s = suppressed.get(fp);
    if (s === undefined) return input.change === null ? "gone" : "unknown";
    return s ? "suppressed" : "open";
  };
  const plan: ThreadPlan = { resolve: [], reopen: [], reply: [] };
  for (const thread of input.threads) {
    const states = thread.fingerprints.map(stateOf);
    if (!thread.isResolved) {
      if (states.length === 0 || !states.every((s) => s === "gone" || s === "suppressed")) continue;
      plan.resolve.push(thread);
      const gone = thread.ids.filter((_, i) => states[i] === "gone");
      if (gone.length > 0) plan.reply.push({ thread, body: goneReply(gone, input.headSha) });
    } else if (input.change) {
      const { reopened } = input.change;
      if (thread.fingerprints.some((fp, i) => reopened.has(fp) && states[i] === "open"))
        plan.reopen.push(thread);
    }
  }
  return plan;
}

function goneReply(ids: string[], headSha: string): string {
  const names =
    ids.length === 1 ? `${ids[0]} is` : `${ids.slice(0, -1).join(", ")} and ${ids.at(-1)} are`;
  return `✅ ${names} no longer reported as of ${headSha.slice(0, 7)}: resolving.`;
}
