import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { executionProblems } from "../../src/sarif/execution-problems.js";

function runsOf(path: string): unknown {
  const log = JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), "utf8")) as {
    runs: unknown;
  };
  return log.runs;
}

describe("executionProblems on real logs", () => {
  it("names ESLint's unparsed files: executionSuccessful false, errors in configuration notifications", () => {
    const [note, ...rest] = executionProblems(
      runsOf("sarif-derived/eslint-8.56.0-parse-errors.sarif"),
      "lint/eslint.sarif",
    );
    expect(rest).toEqual([]);
    expect(note).toMatchObject({
      level: "error",
      source: "lint/eslint.sarif",
      incompleteTool: "ESLint",
    });
    expect(note?.message).toBe(
      "ESLint reported that it did not complete (executionSuccessful: false), so some files were not analysed: 3 errors in 3 files: " +
        "“Parsing error: Unexpected token .” (/Users/davidbradshaw/dev/iframe-resizer/src/jquery.iframeResizer.js); " +
        "“Parsing error: Unexpected token =>” (/Users/davidbradshaw/dev/iframe-resizer/test/iframeResizer.test.js); " +
        "“Parsing error: 'import' and 'export' may appear only with 'sourceType: module'” (/Users/davidbradshaw/dev/iframe-resizer/example/child/frame.nested.js).",
    );
  });

  it("names Semgrep's error notification although it says it succeeded", () => {
    const notes = executionProblems(
      runsOf("sarif/semgrep/semgrep-snapshot-errors-no-results.sarif"),
      "s.sarif",
    );
    expect(notes).toEqual([
      {
        level: "error",
        source: "s.sarif",
        incompleteTool: "Semgrep OSS",
        message:
          "Semgrep OSS reported errors while it ran, so some files were not analysed: 1 error: “File not found: targets/basic/inexistent.py”.",
      },
    ]);
  });

  it.each([
    "sarif/bandit/bandit-1.8.6-172-results.sarif",
    "sarif/checkov/checkov-3.2.495-terraform-azure.sarif",
    "sarif/eslint/eslint-8.56.0-with-suppressions.sarif",
    "sarif/codeql/codeql-2.20.7-javascript-codeflows-taxonomies.sarif",
    "sarif/semgrep/semgrep-0.44.0-577-results.sarif",
  ])("finds nothing wrong with %s", (path) => {
    expect(executionProblems(runsOf(path), path)).toEqual([]);
  });
});

describe("executionProblems on snippets", () => {
  const tool = { driver: { name: "Scanner" } };
  it.each<[string, unknown, string | null]>([
    [
      "no results array: the tool did not report",
      [{ tool }],
      "Scanner wrote no results list (SARIF's sign that it did not run to the end), so some files may not have been analysed.",
    ],
    ["an empty results array is a clean run", [{ tool, results: [] }], null],
    [
      "warning notifications are not failures",
      [
        {
          tool,
          results: [],
          invocations: [
            {
              executionSuccessful: true,
              toolExecutionNotifications: [{ message: { text: "slow" } }],
            },
          ],
        },
      ],
      null,
    ],
    [
      "failed without messages",
      [{ tool, results: [], invocations: [{ executionSuccessful: false }] }],
      "Scanner reported that it did not complete (executionSuccessful: false), so some files may not have been analysed.",
    ],
    ["not an array", { tool }, null],
  ])("%s", (_name, runs, message) => {
    const notes = executionProblems(runs, "x.sarif");
    expect(notes.map((n) => n.message)).toEqual(message === null ? [] : [message]);
  });

  it("counts past the first three messages", () => {
    const notifications = Array.from({ length: 5 }, (_, i) => ({
      level: "error",
      message: { text: `e${i}` },
    }));
    const [note] = executionProblems(
      [
        {
          tool,
          results: [],
          invocations: [{ executionSuccessful: false, toolExecutionNotifications: notifications }],
        },
      ],
      "x",
    );
    expect(note?.message).toMatch(/not analysed: 5 errors: “e0”; “e1”; “e2”; and 2 more\.$/);
  });
});
