import { describe, expect, it } from "@jest/globals";
import { parsePatch } from "../../src/diff/parse-patch.js";

// Shape of a real `patch` from GET /repos/{owner}/{repo}/pulls/{n}/files: hunks only, no headers.
const TWO_HUNKS = [
  "@@ -1,5 +1,7 @@",
  ' import express from "express";',
  '+import { exec } from "child_process";',
  " ",
  " const app = express();",
  '-app.get("/", (req, res) => res.send("ok"));',
  '+app.get("/", (req, res) => exec(req.query.cmd));',
  "+app.listen(3000);",
  " export default app;",
  "@@ -20,3 +22,4 @@ function handler() {",
  "   const a = 1;",
  "+  const b = eval(input);",
  "   return a;",
  " }",
].join("\n");

interface Case {
  name: string;
  patch: string;
  added: number[];
  context: number[];
  hunks: { start: number; end: number }[];
}

const cases: Case[] = [
  {
    name: "two hunks with a section heading",
    patch: TWO_HUNKS,
    added: [2, 5, 6, 23],
    context: [1, 3, 4, 7, 22, 24, 25],
    hunks: [
      { start: 1, end: 7 },
      { start: 22, end: 25 },
    ],
  },
  {
    name: "header without counts",
    patch: "@@ -1 +1 @@\n-old\n+new",
    added: [1],
    context: [],
    hunks: [{ start: 1, end: 1 }],
  },
  {
    name: "new file",
    patch: "@@ -0,0 +1,3 @@\n+a\n+b\n+c",
    added: [1, 2, 3],
    context: [],
    hunks: [{ start: 1, end: 3 }],
  },
  { name: "deleted file", patch: "@@ -1,2 +0,0 @@\n-a\n-b", added: [], context: [], hunks: [] },
  {
    name: "pure deletion hunk makes no hunk",
    patch: "@@ -3,2 +2,0 @@\n-x\n-y\n@@ -10,1 +8,2 @@\n z\n+w",
    added: [9],
    context: [8],
    hunks: [{ start: 8, end: 9 }],
  },
  {
    name: "truncated patch keeps what is there",
    patch: "@@ -1,10 +1,12 @@\n a\n+b\n c",
    added: [2],
    context: [1, 3],
    hunks: [{ start: 1, end: 3 }],
  },
  {
    name: "truncated patch ending in a newline has no phantom line",
    patch: "@@ -1,5 +1,5 @@\n a\n",
    added: [],
    context: [1],
    hunks: [{ start: 1, end: 1 }],
  },
  {
    name: "CRLF line endings",
    patch: "@@ -1,2 +1,2 @@\r\n a\r\n-b\r\n+c\r\n",
    added: [2],
    context: [1],
    hunks: [{ start: 1, end: 2 }],
  },
  { name: "empty patch", patch: "", added: [], context: [], hunks: [] },
  {
    name: "added line whose content begins with ++",
    patch: "@@ -1,1 +1,3 @@\n a\n+++counter;\n+++ b/not-a-header",
    added: [2, 3],
    context: [1],
    hunks: [{ start: 1, end: 3 }],
  },
  {
    name: "removed line whose content begins with --",
    patch: "@@ -1,2 +1,1 @@\n---x;\n a",
    added: [],
    context: [1],
    hunks: [{ start: 1, end: 1 }],
  },
  {
    name: "no newline at end of file markers",
    patch: "@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n\\ No newline at end of file",
    added: [1],
    context: [],
    hunks: [{ start: 1, end: 1 }],
  },
  {
    name: "empty line inside a hunk is a stripped context line",
    patch: "@@ -1,3 +1,4 @@\n a\n\n+b\n c",
    added: [3],
    context: [1, 2, 4],
    hunks: [{ start: 1, end: 4 }],
  },
  {
    name: "git headers before the first hunk are skipped",
    patch: "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b",
    added: [1],
    context: [],
    hunks: [{ start: 1, end: 1 }],
  },
  {
    name: "lines past a hunk's counts are ignored",
    patch: "@@ -1 +1 @@\n-a\n+b\n+stray\n stray",
    added: [1],
    context: [],
    hunks: [{ start: 1, end: 1 }],
  },
];

describe("parsePatch", () => {
  it.each(cases)("$name", ({ patch, added, context, hunks }) => {
    const parsed = parsePatch(patch);
    expect([...parsed.added].sort((a, b) => a - b)).toEqual(added);
    expect([...parsed.context].sort((a, b) => a - b)).toEqual(context);
    expect(parsed.hunks).toEqual(hunks);
  });
});
