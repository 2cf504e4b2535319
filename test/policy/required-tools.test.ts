import { describe, expect, it } from "@jest/globals";
import { missingTools, requiredToolsState, toolMatches } from "../../src/policy/required-tools.js";

describe("toolMatches: a listed tool and a SARIF tool.driver.name", () => {
  it.each<[string, string, boolean]>([
    ["Semgrep", "Semgrep OSS", true],
    ["semgrep", "Semgrep", true],
    ["CodeQL", "CodeQL", true],
    ["Trivy", "trivy", true],
    ["Semgrep", "SemgrepPro", false],
    ["Semgrep OSS", "Semgrep", false],
    ["Grype", "Trivy", false],
  ])("%s ~ %s: %s", (required, name, expected) => {
    expect(toolMatches(required, name)).toBe(expected);
  });

  it("lists what is missing in the configured order", () => {
    expect(missingTools(["CodeQL", "Trivy", "Semgrep"], ["Semgrep OSS", "CodeQL"])).toEqual([
      "Trivy",
    ]);
  });
});

describe("requiredToolsState", () => {
  const base = { required: ["CodeQL", "Trivy"], timeout: "30m", workflowChanges: [] };

  it.each<[string, Parameters<typeof requiredToolsState>[0], Record<string, unknown>]>([
    [
      "waits while runs are still going",
      { ...base, seen: ["CodeQL"], allRunsCompleted: false, timedOut: false },
      {
        status: "in_progress",
        summary: expect.stringMatching(/^waiting for: `Trivy`\n\nReported: `CodeQL`\./),
      },
    ],
    [
      "succeeds once all reported, whatever else is pending",
      { ...base, seen: ["Trivy", "CodeQL"], allRunsCompleted: false, timedOut: false },
      { status: "completed", conclusion: "success" },
    ],
    [
      "fails naming each missing tool once every run completed",
      { ...base, seen: [], allRunsCompleted: true, timedOut: false },
      {
        status: "completed",
        conclusion: "failure",
        title: "Missing: CodeQL, Trivy",
        summary: expect.stringContaining(
          "❌ Missing required scanners: `CodeQL`, `Trivy` — every workflow run of this commit has completed without them.\n- `CodeQL` did not report on this commit\n- `Trivy` did not report on this commit",
        ),
      },
    ],
    [
      "fails at the timeout and names the workflow files the PR changed",
      {
        ...base,
        seen: ["CodeQL"],
        allRunsCompleted: false,
        timedOut: true,
        workflowChanges: [".github/workflows/trivy.yml"],
      },
      {
        conclusion: "failure",
        summary: expect.stringContaining(
          "within required_tools_timeout (30m).\n- `Trivy` did not report on this commit\n\n⚠️ This pull request deletes or edits workflow files: `.github/workflows/trivy.yml`.",
        ),
      },
    ],
  ])("%s", (_name, input, expected) => {
    expect(requiredToolsState(input)).toMatchObject(expected);
  });
});
