import { describe, expect, it } from "@jest/globals";
import { celProblem } from "../../src/config/cel-environment.js";

describe("celProblem: rules are compiled and type-checked when the config loads", () => {
  it.each([
    "finding.kev && finding.new",
    'branch == "main" && finding.severity in ["critical", "high"]',
    'finding.path.startsWith("test/") || finding.path.matches("^spec/")',
    'finding.tool == "Trivy" && finding.level == "warning" && finding.epss >= 0.5',
    'finding.cvss >= 7.0 && "CWE-89" in finding.cwe',
    'finding.cve.exists(c, c.startsWith("CVE-2021-")) && !is_fork',
    'finding.line > 100 && finding.rule.contains("sql") && "security" in finding.tags',
    'finding.message.contains("eval")',
  ])("accepts %s", (expression) => {
    expect(celProblem(expression)).toBeNull();
  });

  it.each([
    ["finding.kevv", /No such key: kevv/],
    ["finding.kev &&", /Unexpected token/],
    ["finding.severity", /must be a bool expression, this one is string/],
    ["finding.line + 1", /must be a bool expression, this one is int/],
    ['finding.line == "12"', /no such overload/],
    ["finding.kev + 1", /no such overload: bool \+ int/],
    ["user.admin", /Unknown variable: user/],
    [`finding.kev || ${"true || ".repeat(300)}true`, /longer than 2000 characters/],
  ])("rejects %#", (expression, problem) => {
    expect(celProblem(expression)).toMatch(problem);
  });
});
