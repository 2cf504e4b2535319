import { describe, expect, it } from "@jest/globals";
import { buildDiffMap } from "../../src/diff/build-diff-map.js";
import { commentRange, positionOf, type CommentOn } from "../../src/diff/locate.js";
import type { Location } from "../../src/findings/finding.js";

// Hunk 1 covers new lines 1-5 (added 2, 3), hunk 2 covers 11-14 (added 12).
const PATCH = [
  "@@ -1,3 +1,5 @@",
  " a",
  "+b",
  "+c",
  " d",
  " e",
  "@@ -8,3 +11,4 @@ section",
  " x",
  "+y",
  " z",
  " w",
].join("\n");

const diff = buildDiffMap([
  { filename: "app.js", status: "modified", patch: PATCH },
  { filename: "logo.bin", status: "modified" },
]);

function at(path: string, startLine?: number, endLine = startLine): Location {
  if (startLine === undefined || endLine === undefined) return { path };
  return { path, region: { startLine, endLine } };
}

describe("positionOf", () => {
  it.each([
    { name: "added line", location: at("app.js", 2), expected: "added" },
    { name: "context line", location: at("app.js", 4), expected: "context" },
    { name: "line outside the hunks", location: at("app.js", 8), expected: "changed-file" },
    { name: "file-level in a changed file", location: at("app.js"), expected: "changed-file" },
    { name: "file without patch", location: at("logo.bin", 2), expected: "changed-file" },
    { name: "file the PR does not change", location: at("other.js", 2), expected: "outside" },
    { name: "file-level in an unchanged file", location: at("other.js"), expected: "outside" },
  ])("$name → $expected", ({ location, expected }) => {
    expect(positionOf(location, diff)).toBe(expected);
  });
});

describe("commentRange", () => {
  const file = diff.get("app.js");
  const binary = diff.get("logo.bin");
  if (file === undefined || binary === undefined) throw new Error("diff fixture broken");

  it.each<{ name: string; location: Location; on: CommentOn; expected: unknown }>([
    { name: "single added line", location: at("app.js", 2), on: "added", expected: { line: 2 } },
    {
      name: "multi-line, all added",
      location: at("app.js", 2, 3),
      on: "added",
      expected: { line: 3, startLine: 2 },
    },
    {
      name: "multi-line ending on context, added only: clipped to last added",
      location: at("app.js", 2, 5),
      on: "added",
      expected: { line: 3, startLine: 2 },
    },
    {
      name: "multi-line ending on context with diff_context",
      location: at("app.js", 2, 5),
      on: "diff_context",
      expected: { line: 5, startLine: 2 },
    },
    {
      name: "across hunks: clipped to the start line's hunk",
      location: at("app.js", 2, 12),
      on: "diff_context",
      expected: { line: 5, startLine: 2 },
    },
    {
      name: "clipped to one line: no startLine",
      location: at("app.js", 3, 4),
      on: "added",
      expected: { line: 3 },
    },
    {
      name: "second hunk, past its end",
      location: at("app.js", 11, 20),
      on: "diff_context",
      expected: { line: 14, startLine: 11 },
    },
    {
      name: "end before start is read as one line",
      location: at("app.js", 3, 1),
      on: "added",
      expected: { line: 3 },
    },
    {
      name: "start on context, added only",
      location: at("app.js", 1, 3),
      on: "added",
      expected: null,
    },
    {
      name: "start on context with diff_context",
      location: at("app.js", 1, 3),
      on: "diff_context",
      expected: { line: 3, startLine: 1 },
    },
    {
      name: "start outside hunks",
      location: at("app.js", 7, 12),
      on: "diff_context",
      expected: null,
    },
    { name: "file-level finding", location: at("app.js"), on: "diff_context", expected: null },
  ])("$name", ({ location, on, expected }) => {
    expect(commentRange(location, file, on)).toEqual(expected);
  });

  it("never comments in a file without patch", () => {
    expect(commentRange(at("logo.bin", 1), binary, "diff_context")).toBeNull();
  });

  it("omits startLine entirely for a single-line comment", () => {
    expect(commentRange(at("app.js", 12, 12), file, "added")).not.toHaveProperty("startLine");
  });
});
