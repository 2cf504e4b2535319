import { describe, expect, it } from "@jest/globals";
import { findingSeverity } from "../../src/sarif/result-kind.js";
import { parseSecuritySeverity, resultSeverity } from "../../src/sarif/severity.js";
import { onlyFinding, findingsOf, result } from "./sarif-snippets.js";

describe("parseSecuritySeverity", () => {
  it.each([
    ["9.8", 9.8],
    [" 7 ", 7],
    ["10.0", 10],
    [4, 4],
    ["0.1", 0.1],
    ["0.0", undefined],
    [0, undefined],
    ["10.1", undefined],
    ["-3", undefined],
    ["high", undefined],
    ["", undefined],
    ["1e1", undefined],
    [Number.NaN, undefined],
    [null, undefined],
  ])("%j → %j", (value, expected) => {
    expect(parseSecuritySeverity(value)).toBe(expected);
  });
});

describe("resultSeverity", () => {
  const none = { resultProperties: undefined, ruleProperties: undefined } as const;
  it.each([
    ["score 9.0 → critical", { resultProperties: { "security-severity": "9.0" } }, "critical"],
    ["score 8.9 → high", { resultProperties: { "security-severity": "8.9" } }, "high"],
    ["score 7.0 → high", { ruleProperties: { "security-severity": "7.0" } }, "high"],
    ["score 4.0 → medium", { ruleProperties: { "security-severity": "4.0" } }, "medium"],
    ["score 3.9 → low", { ruleProperties: { "security-severity": "3.9" } }, "low"],
    [
      "result score wins over rule score",
      {
        resultProperties: { "security-severity": "2" },
        ruleProperties: { "security-severity": "9.5" },
      },
      "low",
    ],
    [
      "0.0 falls back to the level",
      { resultProperties: { "security-severity": "0.0" }, resultLevel: "error" },
      "high",
    ],
    ["junk score falls back", { ruleProperties: { "security-severity": "n/a" } }, "medium"],
    ["error → high", { resultLevel: "error" }, "high"],
    ["warning → medium", { resultLevel: "warning" }, "medium"],
    ["note → low", { resultLevel: "note" }, "low"],
    ["none → note", { resultLevel: "none" }, "note"],
    ["rule default when result has none", { ruleDefaultLevel: "error" }, "high"],
    ["result level beats rule default", { resultLevel: "note", ruleDefaultLevel: "error" }, "low"],
    ["nothing → warning → medium", {}, "medium"],
  ] as const)("%s", (_name, inputs, expected) => {
    expect(
      resultSeverity({ ...none, resultLevel: undefined, ruleDefaultLevel: undefined, ...inputs }),
    ).toBe(expected);
  });
});

describe("findingSeverity (kinds)", () => {
  const base = {
    resultProperties: undefined,
    ruleProperties: undefined,
    resultLevel: undefined,
    ruleDefaultLevel: undefined,
    baselineState: undefined,
  };
  it.each([
    [undefined, undefined, "medium"],
    ["fail", "error", "high"],
    ["open", undefined, "note"],
    ["review", undefined, "note"],
    ["open", "error", "high"],
    ["review", "warning", "medium"],
    ["pass", "error", null],
    ["notApplicable", undefined, null],
    ["informational", "error", null],
  ] as const)("kind %s, level %s → %s", (kind, resultLevel, expected) => {
    expect(findingSeverity({ ...base, kind, resultLevel })).toBe(expected);
  });

  it("drops results whose baselineState is absent", () => {
    expect(findingSeverity({ ...base, kind: "fail", baselineState: "absent" })).toBeNull();
    expect(findingSeverity({ ...base, kind: "fail", baselineState: "unchanged" })).toBe("medium");
  });

  it("open results ignore the rule's default level (only the result's own level counts)", () => {
    expect(findingSeverity({ ...base, kind: "open", ruleDefaultLevel: "error" })).toBe("note");
  });
});

describe("severity through normaliseSarif", () => {
  it("reads security-severity from the rule found by ruleIndex", () => {
    const run = {
      tool: {
        driver: {
          name: "Scanner",
          rules: [
            { id: "R0" },
            {
              id: "R1",
              properties: { "security-severity": "9.1" },
              defaultConfiguration: { level: "note" },
            },
          ],
        },
      },
    };
    expect(onlyFinding([result({ ruleIndex: 1 })], run).severity).toBe("critical");
  });

  it("uses the rule's defaultConfiguration.level", () => {
    const run = {
      tool: {
        driver: { name: "S", rules: [{ id: "R1", defaultConfiguration: { level: "error" } }] },
      },
    };
    expect(onlyFinding([result()], run).severity).toBe("high");
  });

  it("skips pass, notApplicable, informational and absent results", () => {
    const results = [
      result({ kind: "pass" }),
      result({ kind: "notApplicable" }),
      result({ kind: "informational" }),
      result({ baselineState: "absent" }),
    ];
    expect(findingsOf(results)).toEqual([]);
  });
});
