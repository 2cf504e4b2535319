import { describe, expect, it } from "@jest/globals";
import { buildDiffMap } from "../../src/diff/build-diff-map.js";
import { planReport, type ReportConfig, type ReportPlan } from "../../src/report/plan.js";
import type { TriagedFinding } from "../../src/triage/disposition.js";
import { triaged } from "./factory.js";

// app.js: hunk 1 = lines 1-5 (added 2, 3), hunk 2 = lines 11-14 (added 12).
const APP_PATCH = "@@ -1,3 +1,5 @@\n a\n+b\n+c\n d\n e\n@@ -8,3 +11,4 @@\n x\n+y\n z\n w";

const diff = buildDiffMap([
  { filename: "app.js", status: "modified", patch: APP_PATCH },
  {
    filename: "lib/util.js",
    previous_filename: "src/util.js",
    status: "renamed",
    patch: "@@ -1 +1,2 @@\n a\n+b",
  },
  { filename: "logo.bin", status: "modified" },
]);

const DEFAULTS: ReportConfig = {
  commentOn: "added",
  maxInlineComments: 20,
  annotate: "changed-files",
  maxAnnotations: 50,
};

function plan(
  findings: TriagedFinding[],
  config: Partial<ReportConfig> = {},
  alreadyCommented: string[] = [],
): ReportPlan {
  return planReport({
    triaged: findings,
    config: { ...DEFAULTS, ...config },
    diff,
    alreadyCommented: new Set(alreadyCommented),
  });
}

/** Fingerprints per list, so each expectation reads as one line. */
function summary(p: ReportPlan): Record<string, string[]> {
  return {
    // A comment for several findings reads "first+second".
    comments: p.comments.map((c) => c.findings.map((t) => t.finding.fingerprint).join("+")),
    annotations: p.annotations.map((t) => t.finding.fingerprint),
    existing: p.existingComments.map((t) => t.finding.fingerprint),
    omitted: p.omitted.map((o) => `${o.triaged.finding.fingerprint}:${o.why}`),
  };
}

const inline = triaged({ fingerprint: "inline", path: "app.js", line: 2 });
const notCommentable = triaged({
  fingerprint: "flag-off",
  path: "app.js",
  line: 2,
  commentable: false,
});
const onContext = triaged({ fingerprint: "context", path: "app.js", line: 4, position: "context" });
const noPatch = triaged({
  fingerprint: "no-patch",
  path: "logo.bin",
  line: 3,
  position: "changed-file",
});
const fileLevel = triaged({ fingerprint: "file-level", path: "app.js", position: "changed-file" });
const elsewhere = triaged({
  fingerprint: "elsewhere",
  path: "other.js",
  line: 2,
  position: "outside",
});

describe("planReport: where each finding goes", () => {
  it.each<{
    name: string;
    findings: TriagedFinding[];
    config?: Partial<ReportConfig>;
    expected: Record<string, string[]>;
  }>([
    {
      name: "changed-files: inline, annotations in changed files, the rest outside-diff",
      findings: [inline, notCommentable, noPatch, fileLevel, elsewhere],
      expected: {
        comments: ["inline"],
        annotations: ["file-level", "flag-off", "no-patch"],
        existing: [],
        omitted: ["elsewhere:outside-diff"],
      },
    },
    {
      name: "all: files the PR does not change are annotated too",
      findings: [inline, noPatch, elsewhere],
      config: { annotate: "all" },
      expected: {
        comments: ["inline"],
        annotations: ["no-patch", "elsewhere"],
        existing: [],
        omitted: [],
      },
    },
    {
      name: "none: only inline comments",
      findings: [inline, noPatch, elsewhere],
      config: { annotate: "none" },
      expected: {
        comments: ["inline"],
        annotations: [],
        existing: [],
        omitted: ["no-patch:annotate-none", "elsewhere:annotate-none"],
      },
    },
    {
      name: "comment_on added: a context line is annotated",
      findings: [onContext],
      expected: { comments: [], annotations: ["context"], existing: [], omitted: [] },
    },
    {
      name: "comment_on diff_context: a context line is commented",
      findings: [onContext],
      config: { commentOn: "diff_context" },
      expected: { comments: ["context"], annotations: [], existing: [], omitted: [] },
    },
    {
      name: "comment_on none: nothing inline even when triage says commentable",
      findings: [inline],
      config: { commentOn: "none" },
      expected: { comments: [], annotations: ["inline"], existing: [], omitted: [] },
    },
    {
      name: "already commented: neither commented again nor annotated",
      findings: [
        triaged({ fingerprint: "seen", path: "app.js", line: 3 }),
        triaged({ fingerprint: "seen-2", path: "logo.bin", line: 1 }),
      ],
      expected: { comments: [], annotations: [], existing: ["seen", "seen-2"], omitted: [] },
    },
    {
      name: "suppressed and pre-existing findings are in no list",
      findings: [
        triaged({ fingerprint: "suppressed", path: "app.js", line: 2, suppressed: true }),
        triaged({ fingerprint: "old", path: "app.js", line: 3, isNew: false }),
        triaged({ fingerprint: "old-seen", path: "app.js", line: 3, isNew: false }),
      ],
      expected: { comments: [], annotations: [], existing: [], omitted: [] },
    },
  ])("$name", ({ findings, config, expected }) => {
    expect(summary(plan(findings, config, ["seen", "seen-2", "old-seen"]))).toEqual(expected);
  });
});

describe("planReport: caps and ordering", () => {
  const critical = triaged({ fingerprint: "crit", path: "app.js", line: 12, severity: "critical" });
  const highB = triaged({ fingerprint: "high-b", path: "lib/util.js", line: 2, severity: "high" });
  const highA3 = triaged({ fingerprint: "high-a3", path: "app.js", line: 3, severity: "high" });
  const highA2 = triaged({ fingerprint: "high-a2", path: "app.js", line: 2, severity: "high" });
  const low = triaged({ fingerprint: "low", path: "app.js", line: 2, severity: "low" });
  const note = triaged({ fingerprint: "note", path: "logo.bin", line: 1, severity: "note" });
  const all = [note, low, highB, highA3, critical, highA2];

  it.each<{ name: string; config: Partial<ReportConfig>; expected: Record<string, string[]> }>([
    {
      name: "under both caps: severity, then path, then line",
      config: {},
      expected: {
        comments: ["crit", "high-a2+low", "high-a3", "high-b"],
        annotations: ["note"],
        existing: [],
        omitted: [],
      },
    },
    {
      name: "inline cap: the most severe are commented, the rest annotated",
      config: { maxInlineComments: 2 },
      expected: {
        comments: ["crit", "high-a2+low"],
        annotations: ["high-a3", "high-b", "note"],
        existing: [],
        omitted: [],
      },
    },
    {
      name: "inline cap with annotations off: omitted for the inline cap",
      config: { maxInlineComments: 2, annotate: "none" },
      expected: {
        comments: ["crit", "high-a2+low"],
        annotations: [],
        existing: [],
        omitted: ["high-a3:inline-cap", "high-b:inline-cap", "note:annotate-none"],
      },
    },
    {
      name: "both caps: the least severe are omitted for the annotation cap",
      config: { maxInlineComments: 1, maxAnnotations: 2 },
      expected: {
        comments: ["crit"],
        annotations: ["high-a2", "high-a3"],
        existing: [],
        omitted: ["high-b:annotation-cap", "low:annotation-cap", "note:annotation-cap"],
      },
    },
    {
      name: "zero caps: everything omitted",
      config: { maxInlineComments: 0, maxAnnotations: 0 },
      expected: {
        comments: [],
        annotations: [],
        existing: [],
        omitted: ["crit", "high-a2", "high-a3", "high-b", "low", "note"].map(
          (f) => `${f}:annotation-cap`,
        ),
      },
    },
  ])("$name", ({ config, expected }) => {
    expect(summary(plan(all, config))).toEqual(expected);
  });

  it("does not depend on input order", () => {
    expect(summary(plan([...all].reverse(), { maxInlineComments: 3 }))).toEqual(
      summary(plan(all, { maxInlineComments: 3 })),
    );
  });

  it("counts comments already on the pull request against the inline cap", () => {
    // A re-run of a PR over the cap: the comments from before fill it, so no new review.
    expect(summary(plan(all, { maxInlineComments: 2 }, ["crit", "high-a2"]))).toEqual({
      comments: [],
      annotations: ["high-a3", "high-b", "low", "note"],
      existing: ["crit", "high-a2"],
      omitted: [],
    });
    expect(summary(plan(all, { maxInlineComments: 3 }, ["low"])).comments).toEqual([
      "crit",
      "high-a2",
    ]);
  });

  it("shows each reportable finding exactly once", () => {
    const mixed = [...all, inline, notCommentable, noPatch, fileLevel, elsewhere, onContext];
    const p = plan(mixed, { maxInlineComments: 3, maxAnnotations: 4 }, ["low"]);
    const seen = [
      ...p.comments.flatMap((c) => c.findings),
      ...p.annotations,
      ...p.existingComments,
      ...p.omitted.map((o) => o.triaged),
    ].map((t) => t.finding.fingerprint);
    expect(seen.sort()).toEqual(mixed.map((t) => t.finding.fingerprint).sort());
  });
});

describe("planReport: comment lines", () => {
  it.each([
    {
      name: "single line: no startLine",
      finding: triaged({ fingerprint: "f", path: "app.js", line: 12 }),
      expected: { path: "app.js", line: 12 },
    },
    {
      name: "multi-line within one hunk",
      finding: triaged({ fingerprint: "f", path: "app.js", line: 2, endLine: 3 }),
      expected: { path: "app.js", line: 3, startLine: 2 },
    },
    {
      name: "multi-line across hunks: clipped to the first hunk",
      finding: triaged({ fingerprint: "f", path: "app.js", line: 2, endLine: 12 }),
      expected: { path: "app.js", line: 3, startLine: 2 },
    },
    {
      name: "renamed file: found under its new path",
      finding: triaged({ fingerprint: "f", path: "lib/util.js", line: 2 }),
      expected: { path: "lib/util.js", line: 2 },
    },
  ])("$name", ({ finding, expected }) => {
    const [comment, ...rest] = plan([finding]).comments;
    expect(rest).toEqual([]);
    expect(comment).toEqual({ findings: [finding], triaged: finding, ...expected });
  });

  it("treats a renamed file's old path as a file the PR does not change", () => {
    const old = triaged({ fingerprint: "old-path", path: "src/util.js", line: 2 });
    expect(summary(plan([old]))).toEqual({
      comments: [],
      annotations: [],
      existing: [],
      omitted: ["old-path:outside-diff"],
    });
  });
});

describe("planReport: one comment per location", () => {
  // An IaC resource: several checks fail at its first line, with different end lines.
  const checks = [
    triaged({ fingerprint: "ckv-low", path: "app.js", line: 2, endLine: 3, severity: "low" }),
    triaged({ fingerprint: "ckv-high", path: "app.js", line: 2, endLine: 2, severity: "high" }),
    triaged({ fingerprint: "ckv-med", path: "app.js", line: 2, endLine: 3, severity: "medium" }),
  ];
  const other = triaged({ fingerprint: "other", path: "app.js", line: 3, severity: "critical" });

  it.each<{ name: string; config: Partial<ReportConfig>; expected: string[]; annotated: string[] }>(
    [
      {
        name: "findings starting on one line are one comment, most severe first",
        config: {},
        expected: ["other", "ckv-high+ckv-med+ckv-low"],
        annotated: [],
      },
      {
        name: "the cap counts comments: one slot holds the whole location",
        config: { maxInlineComments: 1 },
        expected: ["other"],
        annotated: ["ckv-high", "ckv-med", "ckv-low"],
      },
      {
        name: "a cap of two fits both locations and all four findings",
        config: { maxInlineComments: 2 },
        expected: ["other", "ckv-high+ckv-med+ckv-low"],
        annotated: [],
      },
    ],
  )("$name", ({ config, expected, annotated }) => {
    const p = plan([...checks, other], config);
    expect(summary(p).comments).toEqual(expected);
    expect(summary(p).annotations).toEqual(annotated);
  });

  it("takes the comment's lines from its most severe finding", () => {
    const [, group] = plan([...checks, other]).comments;
    expect(group).toMatchObject({ path: "app.js", line: 2, triaged: checks[1] });
    expect(group?.startLine).toBeUndefined();
  });

  it("counts a location commented before once against the cap, however many findings it has", () => {
    const p = plan([...checks, other], { maxInlineComments: 2 }, ["ckv-high", "ckv-med"]);
    expect(summary(p)).toEqual({
      comments: ["other"],
      annotations: ["ckv-low"],
      existing: ["ckv-high", "ckv-med"],
      omitted: [],
    });
  });
});
