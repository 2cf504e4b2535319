import { describe, expect, it } from "@jest/globals";
import { onlyFinding, result } from "./sarif-snippets.js";

const run = {
  tool: {
    driver: {
      name: "CodeQL",
      semanticVersion: "2.20.7",
      rules: [{ id: "drv/a", name: "Driver A" }],
    },
    extensions: [
      {
        name: "codeql/javascript-queries",
        rules: [
          { id: "js/xss", name: "XSS" },
          { id: "js/sqli", name: "SQLi" },
        ],
      },
      { name: "custom-pack", rules: [{ id: "my/rule", name: "Mine" }] },
    ],
  },
};

describe("rule lookup", () => {
  it.each([
    ["ruleId in the driver", { ruleId: "drv/a" }, "drv/a", "Driver A"],
    ["ruleIndex into the driver", { ruleId: "drv/a", ruleIndex: 0 }, "drv/a", "Driver A"],
    ["ruleId found in an extension", { ruleId: "js/sqli" }, "js/sqli", "SQLi"],
    [
      "rule reference by extension index",
      { rule: { index: 1, toolComponent: { index: 0 } } },
      "js/sqli",
      "SQLi",
    ],
    [
      "rule reference by extension name",
      { rule: { index: 0, toolComponent: { name: "custom-pack" } } },
      "my/rule",
      "Mine",
    ],
    ["rule.id when ruleId is absent", { rule: { id: "js/xss" } }, "js/xss", "XSS"],
    ["bad index falls back to the id", { ruleId: "js/xss", ruleIndex: 99 }, "js/xss", "XSS"],
    ["unknown id keeps the id, no descriptor", { ruleId: "nope" }, "nope", undefined],
    ["no rule at all is 'unknown'", { ruleId: undefined }, "unknown", undefined],
  ])("%s", (_name, overrides, id, name) => {
    const finding = onlyFinding([result({ ruleId: undefined, ...overrides })], run);
    expect(finding.rule.id).toBe(id);
    expect(finding.rule.name).toBe(name);
    expect(finding.tool).toEqual({ name: "CodeQL", version: "2.20.7" });
  });

  it("prefers driver.version over semanticVersion", () => {
    const withVersion = {
      tool: { driver: { name: "S", version: "1.2", semanticVersion: "9.9.9" } },
    };
    expect(onlyFinding([result()], withVersion).tool).toEqual({ name: "S", version: "1.2" });
  });
});

describe("rule info", () => {
  it("reads names, help and tags, adding CWE tags from relationships and CodeQL tags", () => {
    const withRule = {
      tool: {
        driver: {
          name: "gosec",
          rules: [
            {
              id: "R1",
              name: "Path traversal",
              shortDescription: { text: "Potential file inclusion" },
              help: { text: "help text", markdown: "**help**" },
              helpUri: "https://example.com/R1",
              properties: { tags: ["security", "external/cwe/cwe-079", 42] },
              relationships: [
                { target: { id: "22", toolComponent: { name: "CWE" } }, kinds: ["superset"] },
                { target: { id: "CWE-23", toolComponent: { index: 0 } } },
                { target: { id: "999", toolComponent: { name: "OWASP" } } },
              ],
            },
          ],
        },
      },
      taxonomies: [{ name: "CWE", taxa: [{ id: "22" }, { id: "23" }] }],
    };
    expect(onlyFinding([result()], withRule).rule).toEqual({
      id: "R1",
      name: "Path traversal",
      shortDescription: "Potential file inclusion",
      helpText: "help text",
      helpMarkdown: "**help**",
      helpUri: "https://example.com/R1",
      tags: ["security", "external/cwe/cwe-079", "CWE-79", "CWE-22", "CWE-23"],
    });
  });
});
