import { describe, expect, it } from "@jest/globals";
import type { Location } from "../../src/findings/finding.js";
import { annotationLine } from "../../src/report/plan.js";

describe("annotationLine", () => {
  it.each<{ name: string; location: Location; expected: object }>([
    {
      name: "file-level at line 1",
      location: { path: "a" },
      expected: { start_line: 1, end_line: 1 },
    },
    {
      name: "single line with columns",
      location: { path: "a", region: { startLine: 4, endLine: 4, startColumn: 3, endColumn: 9 } },
      expected: { start_line: 4, end_line: 4, start_column: 3, end_column: 9 },
    },
    {
      name: "multi-line drops columns",
      location: { path: "a", region: { startLine: 4, endLine: 6, startColumn: 3, endColumn: 9 } },
      expected: { start_line: 4, end_line: 6 },
    },
    {
      name: "only a start column: no columns",
      location: { path: "a", region: { startLine: 4, endLine: 4, startColumn: 3 } },
      expected: { start_line: 4, end_line: 4 },
    },
    {
      name: "end column before start column: no columns",
      location: { path: "a", region: { startLine: 4, endLine: 4, startColumn: 9, endColumn: 3 } },
      expected: { start_line: 4, end_line: 4 },
    },
    {
      name: "end line before start line is raised to it",
      location: { path: "a", region: { startLine: 7, endLine: 2 } },
      expected: { start_line: 7, end_line: 7 },
    },
  ])("$name", ({ location, expected }) => {
    expect(annotationLine(location)).toEqual(expected);
  });
});
