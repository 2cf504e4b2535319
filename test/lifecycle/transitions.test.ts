import { describe, expect, it } from "@jest/globals";
import { countDeltas, resolutionSamples } from "../../src/lifecycle/count-deltas.js";
import { defaultBranchTransition } from "../../src/lifecycle/default-branch-transition.js";
import type { LifecycleFinding, LifecycleRecord } from "../../src/lifecycle/lifecycle-record.js";
import { pullRequestTransition } from "../../src/lifecycle/pull-request-transition.js";
import { resolutionBucket } from "../../src/lifecycle/resolution-buckets.js";
import {
  suppressedTransition,
  unsuppressedTransition,
} from "../../src/lifecycle/suppression-transition.js";

const f = (fingerprint: string, tool = "semgrep"): LifecycleFinding => ({
  fingerprint,
  findingId: `GR-${fingerprint}`,
  tool,
  rule: "r",
  severity: "high",
  path: "a.ts",
  line: 1,
  message: "m",
});
const rec = (fingerprint: string, over: Partial<LifecycleRecord> = {}): LifecycleRecord => ({
  ...f(fingerprint),
  repo: "o/r",
  firstSeenAt: 0,
  firstSeenRef: "pr:1",
  firstPr: 1,
  reportedAt: 0,
  mergedAt: null,
  preexisting: false,
  escaped: false,
  prevented: false,
  resolvedAt: null,
  resolution: null,
  lastPr: 1,
  lastSeenAt: 0,
  ...over,
});
const known = (...records: LifecycleRecord[]) => new Map(records.map((r) => [r.fingerprint, r]));
const pick = (r: LifecycleRecord) => ({
  ref: r.firstSeenRef,
  merged: r.mergedAt !== null,
  pre: r.preexisting,
  escaped: r.escaped,
  prevented: r.prevented,
  resolution: r.resolution,
});
const main = (findings: LifecycleFinding[], first: string[] = []) => ({
  repo: "o/r",
  branch: "main",
  at: 10,
  tools: ["semgrep"],
  firstBaselineTools: new Set(first),
  findings,
});

describe("default-branch transition", () => {
  it.each<[string, LifecycleRecord | null, string[], ReturnType<typeof pick>]>([
    [
      "new in the first baseline: pre-existing",
      null,
      ["semgrep"],
      {
        ref: "branch:main",
        merged: true,
        pre: true,
        escaped: false,
        prevented: false,
        resolution: null,
      },
    ],
    [
      "new later, never reported: escaped",
      null,
      [],
      {
        ref: "branch:main",
        merged: true,
        pre: false,
        escaped: true,
        prevented: false,
        resolution: null,
      },
    ],
    [
      "reported and merged unresolved: escaped",
      rec("x"),
      [],
      { ref: "pr:1", merged: true, pre: false, escaped: true, prevented: false, resolution: null },
    ],
    [
      "suppressed in review, merged: not an escape",
      rec("x", { resolvedAt: 5, resolution: "suppressed" }),
      [],
      {
        ref: "pr:1",
        merged: true,
        pre: false,
        escaped: false,
        prevented: false,
        resolution: "suppressed",
      },
    ],
    [
      "prevented, then merged anyway: escaped, no longer prevented",
      rec("x", { resolvedAt: 5, resolution: "fixed", prevented: true }),
      [],
      { ref: "pr:1", merged: true, pre: false, escaped: true, prevented: false, resolution: null },
    ],
    [
      "fixed on main and back: reopened",
      rec("x", { mergedAt: 2, resolvedAt: 5, resolution: "fixed", escaped: true }),
      [],
      { ref: "pr:1", merged: true, pre: false, escaped: true, prevented: false, resolution: null },
    ],
  ])("%s", (_name, before, first, expected) => {
    const t = defaultBranchTransition(main([f("x")], first), known(...(before ? [before] : [])));
    expect(t.changes.map((c) => pick(c.after))).toEqual([expected]);
    expect(t.escaped.length).toBe(expected.escaped && before?.escaped !== true ? 1 : 0);
  });

  it("fixes open merged findings of tools that ran, not of other tools or unmerged ones", () => {
    const t = defaultBranchTransition(
      main([]),
      known(
        rec("gone", { mergedAt: 1 }),
        rec("other", { mergedAt: 1, tool: "trivy" }),
        rec("pr-only"),
      ),
    );
    expect(t.fixed.map((r) => [r.fingerprint, r.resolution, r.resolvedAt])).toEqual([
      ["gone", "fixed", 10],
    ]);
  });
});

describe("pull-request transition", () => {
  const run = (findings: LifecycleFinding[], reported: string[], pr = 1) => ({
    repo: "o/r",
    pr,
    at: 20,
    tools: ["semgrep"],
    findings,
    reported: new Set(reported),
  });

  it.each<
    [
      string,
      LifecycleRecord | null,
      ReturnType<typeof pick> & { lastPr: number | null; reportedAt: number | null },
    ]
  >([
    [
      "first seen in the PR",
      null,
      {
        ref: "pr:1",
        merged: false,
        pre: false,
        escaped: false,
        prevented: false,
        resolution: null,
        lastPr: 1,
        reportedAt: 20,
      },
    ],
    [
      "already on main (reported again) keeps its first report",
      rec("x", {
        mergedAt: 2,
        firstSeenRef: "branch:main",
        firstPr: null,
        reportedAt: null,
        lastPr: null,
      }),
      {
        ref: "branch:main",
        merged: true,
        pre: false,
        escaped: false,
        prevented: false,
        resolution: null,
        lastPr: null,
        reportedAt: 20,
      },
    ],
    [
      "prevented earlier and back: reopened",
      rec("x", { resolvedAt: 5, resolution: "fixed", prevented: true }),
      {
        ref: "pr:1",
        merged: false,
        pre: false,
        escaped: false,
        prevented: false,
        resolution: null,
        lastPr: 1,
        reportedAt: 0,
      },
    ],
  ])("%s", (_name, before, expected) => {
    const t = pullRequestTransition(run([f("x")], ["x"]), known(...(before ? [before] : [])));
    expect(
      t.changes.map((c) => ({
        ...pick(c.after),
        lastPr: c.after.lastPr,
        reportedAt: c.after.reportedAt,
      })),
    ).toEqual([expected]);
  });

  it("prevents only what this PR reported, is gone, and never merged", () => {
    const t = pullRequestTransition(
      run([f("kept")], ["kept"]),
      known(
        rec("kept"),
        rec("gone"),
        rec("other-pr", { lastPr: 2 }),
        rec("merged", { mergedAt: 1 }),
        rec("trivy", { tool: "trivy" }),
      ),
    );
    expect(t.prevented.map((r) => [r.fingerprint, r.resolution, r.prevented])).toEqual([
      ["gone", "fixed", true],
    ]);
  });

  it("does not report what the PR did not introduce", () => {
    expect(pullRequestTransition(run([f("x")], []), known()).changes).toEqual([]);
  });
});

describe("suppressions", () => {
  it("resolve the unresolved only, and lifting reopens only suppressed ones", () => {
    const open = rec("a", { mergedAt: 1 });
    const fixed = rec("b", { mergedAt: 1, resolvedAt: 3, resolution: "fixed" });
    const changes = suppressedTransition([open, fixed], 9);
    expect(
      changes.map((c) => [c.after.fingerprint, c.after.resolution, c.after.resolvedAt]),
    ).toEqual([["a", "suppressed", 9]]);
    const back = unsuppressedTransition([changes[0]!.after, fixed]);
    expect(back.map((c) => [c.after.fingerprint, c.after.resolution])).toEqual([["a", null]]);
  });
});

describe("aggregates", () => {
  it.each([
    [0, 0],
    [3_600, 0],
    [3_601, 1],
    [86_400, 2],
    [40_000_000, 10],
  ])("%i s falls in bucket %i", (seconds, bucket) => {
    expect(resolutionBucket(seconds)).toBe(bucket);
  });

  it("nets count changes per repo, tool and severity, and samples each new resolution once", () => {
    const before = rec("a", { mergedAt: 1 });
    const after = { ...before, resolvedAt: 7_200_000, resolution: "fixed" as const };
    expect(countDeltas([{ before, after }])).toEqual([
      {
        repo: "o/r",
        tool: "semgrep",
        severity: "high",
        open: -1,
        escaped: 0,
        prevented: 0,
        fixed: 1,
        suppressed: 0,
      },
    ]);
    expect(resolutionSamples([{ before, after }])).toEqual([
      { tool: "semgrep", severity: "high", resolution: "fixed", bucket: 1, ms: 7_200_000 },
    ]);
    expect(resolutionSamples([{ before: after, after }])).toEqual([]);
    expect(countDeltas([{ before: after, after }])).toEqual([]);
  });
});
