import { describe, expect, it } from "@jest/globals";
import type { Finding, Location } from "../../src/findings/finding.js";
import { MAX_COMMENT_CHARS, renderCommentBody } from "../../src/report/comment-body.js";
import { parseMarker } from "../../src/report/marker.js";
import { HOSTILE, makeFinding } from "./factory.js";
import { expectInert } from "./inert.js";

const HUGE = `${"@everyone <img src=x onerror=alert(1)> ```\n".repeat(250_000)}`; // ~10 MB

function step(line: number, message: string): Location {
  return { path: "src/a.js", region: { startLine: line, endLine: line }, message };
}

describe("renderCommentBody", () => {
  it("names severity in words, rule, message, help, links, id, commands and ends with the marker", () => {
    const body = renderCommentBody({ finding: makeFinding() });
    const lines = body.split("\n");
    expect(lines[0]).toBe(
      "**🟠 high** · js/sql-injection · Database query built from user-controlled sources · CodeQL",
    );
    expect(body).toContain("This query depends on a user-provided value.");
    expect(body).toContain("<details>\n<summary>Rule help</summary>\n\n\\# SQL injection");
    expect(body).toContain(
      "[Rule documentation](https://codeql.github.com/codeql-query-help/javascript/js-sql-injection/) · [CWE-89](https://cwe.mitre.org/data/definitions/89.html)",
    );
    expect(body).toMatch(
      /GR-1a2b3c4d · Reply `\/fp <why>`, `\/ar <why>`, `\/wontfix <why>`, `\/tests <why>` or `\/other <why>`/,
    );
    expect(body).toContain("`--scope finding|rule|path:<glob>`, `--expires <YYYY-MM-DD|30d>`");
    expect(lines.at(-1)).toBe("<!-- guardrail:v1 fingerprint=v1:3f2a9c0d1e id=GR-1a2b3c4d -->");
    expect(parseMarker(body)).toMatchObject({ fingerprint: "v1:3f2a9c0d1e", id: "GR-1a2b3c4d" });
    expectInert(body);
  });

  it.each([
    ["critical", "🔴 critical"],
    ["medium", "🟡 medium"],
    ["low", "🔵 low"],
    ["note", "⚪ note"],
  ] as const)("severity %s reads %s", (severity, label) => {
    expect(renderCommentBody({ finding: makeFinding({ severity }) })).toMatch(
      new RegExp(`^\\*\\*${label}\\*\\*`, "u"),
    );
  });

  it("adds a suggestion block, fenced longer than its backticks", () => {
    const body = renderCommentBody({
      finding: makeFinding({ fixes: [{ description: "Use `?`", replacements: [] }] }),
      suggestion: "db.query(sql, [a]) // ```",
    });
    expect(body).toContain(
      "**Suggested fix:** Use `?`\n\n````suggestion\ndb.query(sql, [a]) // ```\n````",
    );
  });

  it("shows an empty suggestion as an empty block (it deletes the lines)", () => {
    const body = renderCommentBody({ finding: makeFinding(), suggestion: "" });
    expect(body).toContain("```suggestion\n```");
  });

  it("collapses the code flow and caps it at 20 steps", () => {
    const flow = Array.from({ length: 25 }, (_, i) => step(i + 1, `step @user ${i + 1}`));
    const body = renderCommentBody({ finding: makeFinding({ codeFlows: [flow] }) });
    expect(body).toContain("<summary>Data flow (25 steps)</summary>");
    expect(body).toContain("1. src/a.js:1 — step @\u200Duser 1\n");
    expect(body).toContain("20. src/a.js:20 — step @\u200Duser 20\n");
    expect(body).not.toContain("21. src/a.js:21");
    expect(body).toContain("_…and 5 more steps._");
    expectInert(body);
  });

  it("omits what the finding does not have", () => {
    const finding = makeFinding();
    const bare = makeFinding({
      rule: { id: "r1", tags: [], helpUri: "javascript:alert(1)" },
      message: "m",
    });
    const body = renderCommentBody({ finding: bare });
    expect(body).not.toContain("<details>");
    expect(body).not.toContain("Rule documentation");
    expect(body).not.toContain("javascript:");
    expect(body.split("\n")[0]).toBe(`**🟠 high** · r1 · ${finding.tool.name}`);
  });

  const fields: [string, (text: string) => Partial<Finding>][] = [
    ["message", (text) => ({ message: text })],
    ["rule id", (text) => ({ rule: { ...makeFinding().rule, id: text } })],
    ["rule name", (text) => ({ rule: { id: "r", shortDescription: text, tags: [] } })],
    ["help markdown", (text) => ({ rule: { id: "r", helpMarkdown: text, tags: [text] } })],
    ["help text", (text) => ({ rule: { id: "r", helpText: text, tags: [], helpUri: text } })],
    ["tool name", (text) => ({ tool: { name: text } })],
    ["flow step", (text) => ({ codeFlows: [[{ path: text, message: text }]] })],
    ["fix description", (text) => ({ fixes: [{ description: text, replacements: [] }] })],
  ];
  const cases = fields.flatMap(([field, make]) =>
    Object.entries(HOSTILE).map(([name, text]) => [field, name, make(text)] as const),
  );

  it.each(cases)("keeps hostile %s (%s) inert", (_field, _name, overrides) => {
    const body = renderCommentBody({ finding: makeFinding(overrides), suggestion: "x" });
    expectInert(body);
    expect(parseMarker(body)).toMatchObject({ fingerprint: "v1:3f2a9c0d1e", id: "GR-1a2b3c4d" });
  });

  it("stays within GitHub's limit with 10 MB in every field", () => {
    const finding = makeFinding({
      message: HUGE,
      rule: { id: HUGE, name: HUGE, helpMarkdown: HUGE, helpUri: HUGE, tags: [HUGE] },
      tool: { name: HUGE },
      codeFlows: [Array.from({ length: 1000 }, () => ({ path: HUGE, message: HUGE }))],
      fixes: [{ description: HUGE, replacements: [] }],
    });
    const body = renderCommentBody({ finding, suggestion: "ok" });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expectInert(body);
    expect(parseMarker(body)).toMatchObject({ fingerprint: "v1:3f2a9c0d1e", id: "GR-1a2b3c4d" });
  });
});
