import { describe, expect, it } from "@jest/globals";
import type { Severity } from "../../src/findings/finding.js";
import { renderAnnotation } from "../../src/report/annotation.js";
import { HOSTILE, makeTriaged } from "./factory.js";

const LINE = { start_line: 12, end_line: 12 };
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

describe("renderAnnotation", () => {
  it("renders a finding as plain text", () => {
    expect(renderAnnotation(makeTriaged(), LINE)).toEqual({
      path: "src/db.js",
      start_line: 12,
      end_line: 12,
      annotation_level: "failure",
      title: "high · js/sql-injection · GR-1a2b3c4d",
      message: "This query depends on a user-provided value.",
      raw_details:
        "# SQL injection\n\nUse parameterised queries.\n\nMore: https://codeql.github.com/codeql-query-help/javascript/js-sql-injection/",
    });
  });

  it.each<[Severity, string]>([
    ["critical", "failure"],
    ["high", "failure"],
    ["medium", "warning"],
    ["low", "notice"],
    ["note", "notice"],
  ])("%s → %s", (severity, level) => {
    const annotation = renderAnnotation(makeTriaged({}, { severity }), LINE);
    expect(annotation.annotation_level).toBe(level);
    expect(annotation.title.startsWith(`${severity} · `)).toBe(true);
  });

  it.each([
    [
      "single line keeps columns",
      { ...LINE, start_column: 3, end_column: 9 },
      { start_column: 3, end_column: 9 },
    ],
    [
      "several lines drop columns (GitHub 422s them)",
      { start_line: 3, end_line: 5, start_column: 3, end_column: 9 },
      {},
    ],
    ["no columns", LINE, {}],
  ])("%s", (_name, lines, columns) => {
    const annotation = renderAnnotation(makeTriaged(), lines);
    expect({ start_column: annotation.start_column, end_column: annotation.end_column }).toEqual({
      start_column: undefined,
      end_column: undefined,
      ...columns,
    });
  });

  it("prefers help text and leaves raw_details out when there is no help", () => {
    const rule = { id: "r", tags: [], helpText: "Plain help", helpMarkdown: "# md" };
    expect(renderAnnotation(makeTriaged({}, { rule }), LINE).raw_details).toBe("Plain help");
    const bare = renderAnnotation(makeTriaged({}, { rule: { id: "r", tags: [] } }), LINE);
    expect(bare).not.toHaveProperty("raw_details");
  });

  it("never sends an empty message", () => {
    expect(renderAnnotation(makeTriaged({}, { message: " \u202E " }), LINE).message).toBe(
      "(no message)",
    );
  });

  it.each(Object.entries(HOSTILE))("strips hidden characters from hostile %s", (_name, text) => {
    const annotation = renderAnnotation(
      makeTriaged(
        {},
        { message: text, rule: { id: `${text}\n${text}`, helpText: text, tags: [] } },
      ),
      LINE,
    );
    for (const field of [annotation.title, annotation.message, annotation.raw_details ?? ""]) {
      expect(field).not.toMatch(HIDDEN);
    }
    expect(annotation.title).not.toContain("\n");
  });

  it("caps 10 MB fields to GitHub's limits in bytes and characters", () => {
    const huge = "é😀".repeat(3_500_000);
    const annotation = renderAnnotation(
      makeTriaged({}, { message: huge, rule: { id: huge, helpText: huge, tags: [] } }),
      LINE,
    );
    expect(annotation.title.length).toBeLessThanOrEqual(255);
    expect(Buffer.byteLength(annotation.message)).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.byteLength(annotation.raw_details ?? "")).toBeLessThanOrEqual(64 * 1024);
    expect(annotation.message).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(annotation.title).toMatch(/ · GR-1a2b3c4d$|…$/);
  });
});
