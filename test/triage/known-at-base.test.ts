import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../../src/config/parse-config.js";
import type { DiffMap } from "../../src/diff/diff-map.js";
import { snippetHash } from "../../src/fingerprint/track-keys.js";
import { baseSnippets } from "../../src/tracking/known-at-base.js";
import { triage } from "../../src/triage/triage.js";
import { diffMap, finding, type FindingSpec } from "./factory.js";

const DIFF = diffMap({ "src/app.ts": { added: [10, 11], context: [8, 9, 12] } });
const LINE = snippetHash("res.send(req.query.name);");
const AT_BASE = baseSnippets([{ tool: "codeql", ruleId: "js/xss", snippet: LINE }]);

function isNew(spec: FindingSpec, snippet: string, diff: DiffMap | null = DIFF): boolean {
  const config = parseConfig({});
  if (!config.ok) throw new Error(config.error);
  const f = {
    ...finding({ fingerprint: "not-in-baseline", ...spec }),
    track: { window: "", snippet },
  };
  const [only] = triage({
    findings: [f],
    diff,
    baseline: new Map([["CodeQL", new Set(["other"])]]),
    baseSnippets: AT_BASE,
    suppressions: [],
    config: config.config,
    isFork: false,
    now: new Date("2025-06-01T00:00:00Z"),
  });
  return only?.isNew ?? true;
}

describe("safety net: a line that existed at the base with the same rule", () => {
  it.each<[string, FindingSpec, string, boolean]>([
    ["unchanged line of a changed file", { line: 40 }, LINE, false],
    ["context line", { line: 9 }, LINE, false],
    ["file the PR does not touch", { path: "src/other.ts" }, LINE, false],
    ["added line: the PR wrote it again, so it counts", { line: 10 }, LINE, true],
    ["another rule on the same line text", { line: 40, rule: "js/sqli" }, LINE, true],
    ["another line text", { line: 40 }, snippetHash("res.send(x);"), true],
    ["unknown snippet", { line: 40 }, "", true],
    ["tool name case does not matter", { line: 40, tool: "codeql" }, LINE, false],
  ])("%s → new: %s", (_name, spec, snippet, expected) => {
    expect(isNew(spec, snippet)).toBe(expected);
  });

  it("does not apply to a push (there is no diff to say the line is unchanged)", () => {
    expect(isNew({ line: 40 }, LINE, null)).toBe(true);
  });
});
