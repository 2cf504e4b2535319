import { describe, expect, it } from "@jest/globals";
import { planThreads, type CommandChange, type OurThread } from "../../src/report/thread-plan.js";
import { triaged } from "../report-plan/factory.js";

const SHA = "c0ffee1234567890";

function thread(id: string, fingerprints: string[], isResolved = false): OurThread {
  return {
    threadId: id,
    commentId: Number(id.replace(/\D/g, "")) || 1,
    isResolved,
    fingerprints,
    ids: fingerprints.map((fp) => `GR-${fp}`),
  };
}

/** Judged findings: `fp` open, `fp!` suppressed. */
function judged(...specs: string[]) {
  return specs.map((s) =>
    triaged({
      fingerprint: s.replace("!", ""),
      path: "a.js",
      line: 1,
      suppressed: s.endsWith("!"),
    }),
  );
}

const analysis = null;
const command = (...reopened: string[]): CommandChange => ({ reopened: new Set(reopened) });

describe("planThreads", () => {
  it.each<{
    name: string;
    threads: OurThread[];
    judged: string[];
    change: CommandChange | null;
    resolve: string[];
    reopen: string[];
    replies: string[];
  }>([
    {
      name: "analysis: a fixed finding's thread resolves with a reply naming it and the commit",
      threads: [thread("T1", ["a"])],
      judged: [],
      change: analysis,
      resolve: ["T1"],
      reopen: [],
      replies: ["✅ GR-a is no longer reported as of c0ffee1: resolving."],
    },
    {
      name: "analysis: a suppressed finding's thread resolves quietly",
      threads: [thread("T1", ["a"])],
      judged: ["a!"],
      change: analysis,
      resolve: ["T1"],
      reopen: [],
      replies: [],
    },
    {
      name: "analysis: a still-open finding keeps its thread open",
      threads: [thread("T1", ["a"])],
      judged: ["a"],
      change: analysis,
      resolve: [],
      reopen: [],
      replies: [],
    },
    {
      name: "several findings: the thread stays while one is open",
      threads: [thread("T1", ["a", "b"])],
      judged: ["b"],
      change: analysis,
      resolve: [],
      reopen: [],
      replies: [],
    },
    {
      name: "several findings: resolves once all are gone or suppressed; the reply names the gone",
      threads: [thread("T1", ["a", "b", "c"])],
      judged: ["b!"],
      change: analysis,
      resolve: ["T1"],
      reopen: [],
      replies: ["✅ GR-a and GR-c are no longer reported as of c0ffee1: resolving."],
    },
    {
      name: "a thread resolved already is left alone by an analysis",
      threads: [thread("T1", ["a"], true)],
      judged: ["a"],
      change: analysis,
      resolve: [],
      reopen: [],
      replies: [],
    },
    {
      name: "command: a finding not judged is unknown, not gone (another workflow reports it)",
      threads: [thread("T1", ["a"])],
      judged: [],
      change: command(),
      resolve: [],
      reopen: [],
      replies: [],
    },
    {
      name: "command: a newly suppressed finding's thread resolves quietly",
      threads: [thread("T1", ["a"])],
      judged: ["a!"],
      change: command(),
      resolve: ["T1"],
      reopen: [],
      replies: [],
    },
    {
      name: "command: suppressed by any analysis counts as suppressed",
      threads: [thread("T1", ["a"])],
      judged: ["a", "a!"],
      change: command(),
      resolve: ["T1"],
      reopen: [],
      replies: [],
    },
    {
      name: "command: /open reopens the resolved thread of a finding open again",
      threads: [thread("T1", ["a"], true), thread("T2", ["b"], true)],
      judged: ["a", "b"],
      change: command("a"),
      resolve: [],
      reopen: ["T1"],
      replies: [],
    },
    {
      name: "command: a thread resolved by hand stays resolved unless its finding was lifted",
      threads: [thread("T1", ["a", "b"], true)],
      judged: ["a", "b!"],
      change: command("b"),
      resolve: [],
      reopen: [],
      replies: [],
    },
  ])("$name", (row) => {
    const plan = planThreads({
      threads: row.threads,
      judged: judged(...row.judged),
      change: row.change,
      headSha: SHA,
    });
    expect(plan.resolve.map((t) => t.threadId)).toEqual(row.resolve);
    expect(plan.reopen.map((t) => t.threadId)).toEqual(row.reopen);
    expect(plan.reply.map((r) => r.body)).toEqual(row.replies);
  });
});
