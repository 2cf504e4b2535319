import { describe, expect, it } from "@jest/globals";
import { backlogBody, backlogTitle, MAX_BACKLOG_TASKS } from "../../src/backlog/backlog-body.js";
import { finding } from "../policy/finding-factory.js";

const view = {
  key: { tool: "semgrep", rule: "js.xss" },
  toolName: "Semgrep OSS",
  repoUrl: "https://github.com/acme/shop",
  sha: "b".repeat(40),
  branch: "main",
};

describe("backlog issue", () => {
  it("has the title of its rule and tool", () => {
    expect(backlogTitle(view)).toBe("Guardrail: js.xss (Semgrep OSS)");
    expect(backlogTitle({ ...view, key: { tool: "x", rule: "a\nb\u202E" } })).toBe(
      "Guardrail: a b (Semgrep OSS)",
    );
  });

  it("starts with the marker and lists each finding as a task linked to its line at the commit", () => {
    const body = backlogBody({
      ...view,
      findings: [
        finding({
          location: { path: "src/b.js", region: { startLine: 9, endLine: 9 } },
          severity: "low",
          id: "GR-bbbbbbbb",
        }),
        finding({
          location: { path: "src/a.js", region: { startLine: 3, endLine: 3 } },
          severity: "medium",
          id: "GR-aaaaaaaa",
          message: "@admin <img src=x> [x](javascript:alert(1))",
        }),
      ],
    });
    const lines = body.split("\n");
    expect(lines[0]).toBe("<!-- guardrail:backlog tool=semgrep rule=js.xss -->");
    const tasks = lines.filter((l) => l.startsWith("- [ ] "));
    expect(tasks[0]).toContain(
      `[src/a.js:3](https://github.com/acme/shop/blob/${view.sha}/src/a.js#L3) · medium · GR-aaaaaaaa`,
    );
    expect(tasks[1]).toContain("src/b.js#L9) · low · GR-bbbbbbbb");
    expect(body).not.toContain("@admin");
    expect(body).not.toContain("<img");
    expect(body).not.toContain("](javascript:");
  });

  it(`lists at most ${MAX_BACKLOG_TASKS} and counts the rest`, () => {
    const findings = Array.from({ length: 130 }, (_, i) =>
      finding({
        fingerprint: `f${i}`,
        location: {
          path: `f${String(i).padStart(3, "0")}.js`,
          region: { startLine: 1, endLine: 1 },
        },
      }),
    );
    const body = backlogBody({ ...view, findings });
    expect(body.split("\n").filter((l) => l.startsWith("- [ ] "))).toHaveLength(100);
    expect(body).toContain("…and 30 more");
  });
});
