/**
 * One pull request, as both the CLI test and the App test see it: src/app.js on main with two
 * `eval` findings; the branch renames it to lib/handler.js, inserts lines above, edits the line
 * after the first finding, edits the second finding's own line, and appends a copy of the first
 * function (whose `eval` is a new finding).
 */
const FIRST = [
  "function handler(req, res) {",
  "  const config = load(req.query.config);",
  "  eval(config);",
  '  return res.send("ok");',
  "}",
];

export const BASE_PATH = "src/app.js";
export const HEAD_PATH = "lib/handler.js";

export const BASE_SOURCE = [
  'const express = require("express");',
  "const app = express();",
  ...FIRST,
  "function other(req) {",
  "  const value = req.body.value;",
  "  eval(value);",
  "  return value;",
  "}",
  "module.exports = { handler, other, app };",
  "",
].join("\n");

export const HEAD_SOURCE = [
  '"use strict";',
  "// Request handlers.",
  'const express = require("express");',
  "const app = express();",
  ...FIRST.map((line) =>
    line.includes("res.send") ? '  return res.status(200).send("done");' : line,
  ),
  "function other(req) {",
  "  const value = req.body.value;",
  "  eval(value.trim());",
  "  return value;",
  "}",
  "module.exports = { handler, other, app };",
  ...FIRST.map((line) => line.replace("handler(", "handlerCopy(")),
  "",
].join("\n");

/** Lines of the findings: the first, the second (line edited), and the copy's. */
export const BASE_LINES = { first: 5, second: 10 } as const;
export const HEAD_LINES = { first: 7, second: 12, copy: 18 } as const;
