import { describe, expect, it } from "@jest/globals";
import type { RawFinding } from "../../src/findings/finding.js";
import { resolveEscapedPaths } from "../../src/sarif/resolve-escaped-paths.js";

const repoFiles = [
  "path/main.tf",
  "other/path/main.tf",
  "infra/gcp/main.tf",
  "infra/aws/main.tf",
  "src/index.js",
  ".eslintrc.js",
];

/** Without "other/path/main.tf", which ties with "path/main.tf" for "../../path/main.tf". */
const unambiguous = repoFiles.filter((file) => file !== "other/path/main.tf");

function finding(path: string, extra: Partial<RawFinding> = {}): RawFinding {
  return {
    tool: { name: "KICS" },
    rule: { id: "R1", tags: [] },
    severity: "medium",
    message: "m",
    location: { path, region: { startLine: 1, endLine: 1 } },
    relatedLocations: [],
    codeFlows: [],
    fixes: [],
    suppressions: [],
    identity: {},
    ...extra,
  };
}

describe("resolveEscapedPaths", () => {
  it.each([
    ["../../path/main.tf", "path/main.tf"],
    ["../../gcp/main.tf", "infra/gcp/main.tf"],
    ["/Users/me/git/demo/.eslintrc.js", ".eslintrc.js"],
    ["/Users/me/git/demo/src/index.js", "src/index.js"],
    ["../index.js", "src/index.js"],
    ["src/index.js", "src/index.js"], // not escaping: untouched
    ["not/in/repo.js", "not/in/repo.js"], // not escaping: untouched even if unknown
  ])("%s → %s", (path, expected) => {
    const { findings, notes } = resolveEscapedPaths([finding(path)], unambiguous);
    expect(findings.map((f) => f.location.path)).toEqual([expected]);
    expect(notes).toEqual([]);
  });

  it.each([
    ["../../x/main.tf", "ambiguous between several main.tf"],
    ["../../path/main.tf", "ties: path/main.tf and other/path/main.tf"],
    ["../../missing.tf", "no such file"],
    ["/etc/passwd", "absolute, nothing like it"],
  ])("drops %s (%s) with a warning naming the tool", (path) => {
    const { findings, notes } = resolveEscapedPaths([finding(path)], repoFiles);
    expect(findings).toEqual([]);
    expect(notes).toEqual([
      {
        level: "warning",
        source: "KICS",
        message: `rule R1: ${path} matches no single file of the repository; finding dropped`,
      },
    ]);
  });

  it("picks the longest suffix among candidates", () => {
    const { findings } = resolveEscapedPaths([finding("../../other/path/main.tf")], repoFiles);
    expect(findings[0]?.location.path).toBe("other/path/main.tf");
  });

  it("maps related locations, flow steps and fix paths too, dropping unplaceable ones", () => {
    const input = finding("../../gcp/main.tf", {
      relatedLocations: [
        { path: "../x/src/index.js" },
        { path: "../nowhere.js" },
        { path: "infra/aws/main.tf" },
      ],
      codeFlows: [[{ path: "../nowhere.js" }], [{ path: "/abs/gcp/main.tf" }]],
      fixes: [
        {
          replacements: [
            { path: "../../gcp/main.tf", deleted: { startLine: 1, endLine: 1 }, inserted: "" },
          ],
        },
      ],
    });
    const [output] = resolveEscapedPaths([input], repoFiles).findings;
    expect(output?.relatedLocations.map((l) => l.path)).toEqual([
      "src/index.js",
      "infra/aws/main.tf",
    ]);
    expect(output?.codeFlows).toEqual([[{ path: "infra/gcp/main.tf" }]]);
    expect(output?.fixes[0]?.replacements[0]?.path).toBe("infra/gcp/main.tf");
  });

  it("returns findings without escaping paths as they were", () => {
    const input = finding("src/index.js");
    expect(resolveEscapedPaths([input], repoFiles).findings[0]).toBe(input);
  });

  it("dedupes findings that land on the same file and lines", () => {
    const { findings } = resolveEscapedPaths(
      [finding("../../gcp/main.tf"), finding("/ci/infra/gcp/main.tf", { severity: "high" })],
      repoFiles,
    );
    expect(findings.map((f) => [f.location.path, f.severity])).toEqual([
      ["infra/gcp/main.tf", "high"],
    ]);
  });

  it("tallies many unplaced findings of one tool into one note", () => {
    const { notes } = resolveEscapedPaths(
      [finding("../a.tf"), finding("../b.tf"), finding("../c.tf")],
      repoFiles,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]?.message).toMatch(/\(and 2 more like it\)$/);
  });
});
