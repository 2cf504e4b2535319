import { describe, expect, it } from "@jest/globals";
import { gate, policyFor, type GatePolicy } from "../../src/triage/gate.js";
import { parseConfig } from "../../src/config/parse-config.js";
import type { FailOn } from "../../src/config/schema.js";
import type { Severity } from "../../src/findings/finding.js";
import { triaged } from "./factory.js";

function config(raw: Record<string, unknown> = {}) {
  const parsed = parseConfig(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.config;
}

const policy = (fail_on: FailOn): GatePolicy => ({ fail_on, branches: ["main"], base: "main" });

describe("policyFor", () => {
  it.each([
    ["main", "main", "high", ["$default", "release/*"]],
    ["trunk", "trunk", "high", ["$default", "release/*"]],
    ["release/2.0", "main", "high", ["$default", "release/*"]],
    ["feature/x", "main", "none", ["**"]],
  ])("default config, base %s (default %s) → %s", (baseBranch, defaultBranch, failOn, branches) => {
    expect(policyFor(config(), baseBranch, defaultBranch)).toEqual({
      fail_on: failOn,
      branches,
      base: baseBranch,
    });
  });

  it("first matching entry wins; none matching never fails", () => {
    const gates = config({
      gate: [
        { branches: ["release/*"], fail_on: "medium" },
        { branches: ["release/*", "$default"], fail_on: "critical" },
      ],
    });
    expect(policyFor(gates, "release/1", "main").fail_on).toBe("medium");
    expect(policyFor(gates, "main", "main").fail_on).toBe("critical");
    expect(policyFor(gates, "dev", "main")).toEqual({ fail_on: "none", branches: [], base: "dev" });
  });
});

describe("gate by fail_on level", () => {
  const ALL: Severity[] = ["critical", "high", "medium", "low", "note"];
  it.each<[FailOn, Severity, "failure" | "neutral"]>(
    ALL.flatMap((severity, rank) =>
      (["critical", "high", "medium", "low", "note", "none"] as const).map(
        (failOn, level): [FailOn, Severity, "failure" | "neutral"] => [
          failOn,
          severity,
          failOn !== "none" && rank <= level ? "failure" : "neutral",
        ],
      ),
    ),
  )("fail_on %s, one new %s finding → %s", (failOn, severity, conclusion) => {
    expect(gate([triaged({ severity })], policy(failOn)).conclusion).toBe(conclusion);
  });
});

describe("gate conclusions and reasons", () => {
  const high = triaged({ severity: "high", fingerprint: "a" });
  const low = triaged({ severity: "low", fingerprint: "b" });
  const old = triaged({ severity: "critical", fingerprint: "c", isNew: false });
  const hidden = triaged({
    severity: "critical",
    fingerprint: "d",
    suppressedBy: { kind: "config", key: "paths_ignore", pattern: "test/**" },
  });

  it.each([
    ["nothing at all", [], "success", "No new findings"],
    ["only pre-existing findings", [old], "success", "No new findings"],
    [
      "only suppressed new findings",
      [hidden],
      "success",
      "No new findings that count (1 new finding suppressed)",
    ],
    [
      "new findings below the threshold",
      [low, old, hidden],
      "neutral",
      "1 new finding, none at or above high (fail_on for main)",
    ],
    [
      "a blocking finding",
      [low, high, old],
      "failure",
      `1 new finding at or above high (fail_on for main): ${high.finding.id}`,
    ],
  ])("%s", (_name, findings, conclusion, reason) => {
    expect(gate(findings, policy("high"))).toMatchObject({ conclusion, reason });
  });

  it("fail_on none is neutral on new findings and says why", () => {
    expect(gate([high], policy("none"))).toEqual({
      conclusion: "neutral",
      reason: "1 new finding, the gate for main does not fail on findings (fail_on: none)",
    });
  });

  it("names the most severe blocking findings first and caps the list", () => {
    const many = [
      triaged({ severity: "high", fingerprint: "h1" }),
      ...["c1", "c2", "c3", "c4", "c5", "c6"].map((fp) =>
        triaged({ severity: "critical", fingerprint: fp }),
      ),
    ];
    const reason = gate(many, policy("high")).reason;
    expect(reason).toMatch(/^7 new findings at or above high \(fail_on for main\): /);
    expect(reason).toContain(`${many[1]!.finding.id}, ${many[2]!.finding.id}`);
    expect(reason).not.toContain(many[0]!.finding.id);
    expect(reason).toMatch(/ and 2 more$/);
  });
});

describe("read errors fail closed", () => {
  it.each([
    [[], "1 input (artifact, SARIF file or config) could not be read, so the check fails closed"],
    [
      [triaged({ severity: "note" })],
      "1 input (artifact, SARIF file or config) could not be read, so the check fails closed",
    ],
  ])("with %j findings", (findings, reason) => {
    expect(gate(findings, policy("none"), { readErrors: 1 })).toMatchObject({
      conclusion: "failure",
      reason,
    });
  });

  it("also names blocking findings", () => {
    const high = triaged({ severity: "high" });
    expect(gate([high], policy("high"), { readErrors: 2 }).reason).toBe(
      "2 inputs (artifact, SARIF file or config) could not be read, so the check fails closed; " +
        `1 new finding at or above high (fail_on for main): ${high.finding.id}`,
    );
  });

  it("zero read errors change nothing", () => {
    expect(gate([], policy("high"), { readErrors: 0 }).conclusion).toBe("success");
  });
});

describe("which findings block", () => {
  it("names exactly the blocking findings, so the title can count only those", () => {
    const high = triaged({ severity: "high" });
    const medium = triaged({ severity: "medium", fingerprint: "medium-one" });
    const result = gate([high, medium], policy("high"));
    expect(result).toMatchObject({ conclusion: "failure", blocking: [high.finding.fingerprint] });
  });
});
