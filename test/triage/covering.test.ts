import { describe, expect, it } from "@jest/globals";
import type { Suppression, SuppressionScope } from "../../src/domain/suppression.js";
import { coveringSuppressions } from "../../src/triage/covering.js";
import { indexSuppressions } from "../../src/triage/suppression-index.js";
import { triaged } from "../report-plan/factory.js";

function suppression(id: number, scope: SuppressionScope): Suppression {
  return { id, scope } as unknown as Suppression;
}

const finding = triaged({ fingerprint: "fp1", path: ".github/workflows/ci.yml", line: 3 }).finding;
const key = {
  fingerprint: finding.fingerprint,
  tool: finding.tool.name,
  ruleId: finding.rule.id,
  path: finding.location.path,
};

describe("suppression coverage: triage and commands agree", () => {
  it.each<[string, SuppressionScope, boolean]>([
    ["the finding itself", { kind: "finding", fingerprint: "fp1" }, true],
    ["another finding", { kind: "finding", fingerprint: "fp2" }, false],
    [
      "its rule, tool in another case",
      { kind: "rule", tool: "codeql", ruleId: "js/test-rule" },
      true,
    ],
    ["another rule", { kind: "rule", tool: "CodeQL", ruleId: "js/other" }, false],
    [
      "a glob over a dot directory",
      { kind: "path", tool: "CodeQL", ruleId: "js/test-rule", pathGlob: ".github/**" },
      true,
    ],
    [
      "a glob elsewhere",
      { kind: "path", tool: "CodeQL", ruleId: "js/test-rule", pathGlob: "src/**" },
      false,
    ],
  ])("%s", (_, scope, covers) => {
    const suppressions = [suppression(1, scope)];
    expect(coveringSuppressions(key, suppressions).length > 0).toBe(covers);
    expect(indexSuppressions(suppressions).find(finding) !== null).toBe(covers);
  });
});
