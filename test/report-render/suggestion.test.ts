import { describe, expect, it } from "@jest/globals";
import type { Fix, Region } from "../../src/findings/finding.js";
import { suggestionFor } from "../../src/report/comment-body.js";
import { makeFinding } from "./factory.js";

function fixOf(deleted: Region, inserted: string, path = "src/db.js"): Fix {
  return { replacements: [{ path, deleted, inserted }] };
}

const LINE_12 = { startLine: 12, endLine: 12 };

describe("suggestionFor", () => {
  it.each<[string, Fix[], { startLine?: number; line: number }, string | undefined]>([
    ["whole line, no columns", [fixOf(LINE_12, "safe();")], { line: 12 }, "safe();"],
    [
      "whole lines with breaks",
      [fixOf({ startLine: 12, endLine: 14, startColumn: 1, endColumn: 1 }, "a\nb\n")],
      { startLine: 12, line: 13 },
      "a\nb",
    ],
    [
      "deleting whole lines",
      [fixOf({ startLine: 12, endLine: 13, startColumn: 1, endColumn: 1 }, "")],
      { line: 12 },
      "",
    ],
    [
      "CRLF inserted text",
      [fixOf({ startLine: 12, endLine: 13, startColumn: 1, endColumn: 1 }, "a\r\n")],
      { line: 12 },
      "a",
    ],
    ["explicit start equal to line", [fixOf(LINE_12, "x")], { startLine: 12, line: 12 }, "x"],
    [
      "partial line (columns)",
      [fixOf({ ...LINE_12, startColumn: 3, endColumn: 12 }, "x")],
      { line: 12 },
      undefined,
    ],
    [
      "from column 1 to a column",
      [fixOf({ ...LINE_12, startColumn: 1, endColumn: 9 }, "x")],
      { line: 12 },
      undefined,
    ],
    [
      "breaks deleted but none inserted",
      [fixOf({ startLine: 12, endLine: 13, startColumn: 1, endColumn: 1 }, "x")],
      { line: 12 },
      undefined,
    ],
    ["ambiguous trailing break without columns", [fixOf(LINE_12, "x\n")], { line: 12 }, undefined],
    [
      "region smaller than the comment",
      [fixOf(LINE_12, "x")],
      { startLine: 11, line: 12 },
      undefined,
    ],
    [
      "region larger than the comment",
      [fixOf({ startLine: 12, endLine: 13 }, "x")],
      { line: 12 },
      undefined,
    ],
    ["another file", [fixOf(LINE_12, "x", "src/other.js")], { line: 12 }, undefined],
    ["two fixes", [fixOf(LINE_12, "x"), fixOf(LINE_12, "y")], { line: 12 }, undefined],
    ["no fix", [], { line: 12 }, undefined],
    ["bidi override (Trojan Source)", [fixOf(LINE_12, "ok(\u202E)")], { line: 12 }, undefined],
    ["control character", [fixOf(LINE_12, "a\u0000b")], { line: 12 }, undefined],
    ["huge", [fixOf(LINE_12, "x".repeat(20_000))], { line: 12 }, undefined],
  ])("%s", (_name, fixes, range, expected) => {
    expect(suggestionFor(makeFinding({ fixes }), range)).toBe(expected);
  });

  it("needs exactly one replacement", () => {
    const fix: Fix = {
      replacements: [
        { path: "src/db.js", deleted: LINE_12, inserted: "a" },
        { path: "src/db.js", deleted: { startLine: 13, endLine: 13 }, inserted: "b" },
      ],
    };
    expect(suggestionFor(makeFinding({ fixes: [fix] }), { line: 12 })).toBeUndefined();
  });
});
