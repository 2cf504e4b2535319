import { describe, expect, it } from "@jest/globals";
import { triage, type TriageInput } from "../../src/triage/triage.js";
import type { DiffMap } from "../../src/diff/diff-map.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { diffMap, finding, type FindingSpec } from "./factory.js";

const DIFF = diffMap({
  "src/app.ts": { added: [10, 11], context: [8, 9, 12] },
  "assets/logo.png": null,
});

function triageOne(spec: FindingSpec, over: Partial<TriageInput> = {}) {
  const config = parseConfig({});
  if (!config.ok) throw new Error(config.error);
  const [only] = triage({
    findings: [finding({ fingerprint: "fp-1", ...spec })],
    diff: DIFF,
    baseline: null,
    suppressions: [],
    config: config.config,
    isFork: false,
    now: new Date("2025-06-01T00:00:00Z"),
    ...over,
  });
  if (only === undefined) throw new Error("no result");
  return only;
}

const base = (entries: Record<string, string[]>) =>
  new Map(Object.entries(entries).map(([tool, fps]) => [tool, new Set(fps)]));

describe("isNew", () => {
  it.each<[string, FindingSpec, ReturnType<typeof base> | null, DiffMap | null, boolean]>([
    ["in the baseline, on an added line", { line: 10 }, base({ CodeQL: ["fp-1"] }), DIFF, false],
    [
      "not in the baseline, on an untouched line",
      { line: 50 },
      base({ CodeQL: ["x"] }),
      DIFF,
      true,
    ],
    ["baseline tool name differs in case", { line: 10 }, base({ codeql: ["fp-1"] }), DIFF, false],
    ["baseline lacks the tool, added line", { line: 10 }, base({ Semgrep: ["fp-1"] }), DIFF, true],
    [
      "baseline lacks the tool, context line",
      { line: 9 },
      base({ Semgrep: ["fp-1"] }),
      DIFF,
      false,
    ],
    ["no baseline, added line", { line: 11 }, null, DIFF, true],
    ["no baseline, context line", { line: 12 }, null, DIFF, false],
    ["no baseline, file outside the PR", { path: "src/other.ts" }, null, DIFF, false],
    ["no baseline, file-level finding", { line: null }, null, DIFF, false],
    ["push (no diff), no baseline", { line: 10 }, null, null, true],
    ["push (no diff), baseline lacks the tool", { line: 10 }, base({ Trivy: [] }), null, true],
    ["push (no diff), in the baseline", { line: 10 }, base({ CodeQL: ["fp-1"] }), null, false],
  ])("%s", (_name, spec, baseline, diff, expected) => {
    expect(triageOne(spec, { baseline, diff }).isNew).toBe(expected);
  });

  it("a finding moved by inserted lines keeps its identity against the baseline", () => {
    const baseline = base({ CodeQL: ["fp-1"] });
    expect(triageOne({ line: 10 }, { baseline }).isNew).toBe(false);
    expect(triageOne({ line: 11 }, { baseline }).isNew).toBe(false);
  });
});

describe("position and commentable", () => {
  it.each<[string, FindingSpec, "added" | "diff_context" | "none", string, boolean]>([
    ["added line", { line: 10 }, "added", "added", true],
    ["context line, comment_on added", { line: 9 }, "added", "context", false],
    ["context line, comment_on diff_context", { line: 9 }, "diff_context", "context", true],
    ["added line, comment_on none", { line: 10 }, "none", "added", false],
    ["untouched line of a changed file", { line: 40 }, "diff_context", "changed-file", false],
    ["file-level finding", { line: null }, "added", "changed-file", false],
    ["file without patch", { path: "assets/logo.png", line: 1 }, "added", "changed-file", false],
    ["file outside the PR", { path: "src/other.ts" }, "added", "outside", false],
  ])("%s", (_name, spec, commentOn, position, commentable) => {
    const config = parseConfig({ comment_on: commentOn });
    if (!config.ok) throw new Error(config.error);
    const result = triageOne(spec, { config: config.config });
    expect([result.position, result.commentable]).toEqual([position, commentable]);
  });

  it("a push has no diff: every finding is outside and none is commentable", () => {
    const result = triageOne({ line: 10 }, { diff: null });
    expect([result.position, result.commentable]).toEqual(["outside", false]);
  });
});
