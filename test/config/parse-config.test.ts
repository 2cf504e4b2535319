import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../../src/config/parse-config.js";
import type { GuardrailConfig } from "../../src/config/schema.js";

const DEFAULTS: GuardrailConfig = {
  artifacts: ["*sarif*"],
  paths_ignore: [],
  rules_ignore: [],
  comment_on: "added",
  max_inline_comments: 20,
  annotate: "changed-files",
  max_annotations: 50,
  gate: [
    { branches: ["$default", "release/*"], fail_on: "high", rules: [] },
    { branches: ["**"], fail_on: "none", rules: [] },
  ],
  suppressions: {
    permission: "write",
    broad_scope_permission: "maintain",
    default_expiry: null,
    approval: { required_for: "none", approvers: [], max_expiry: null },
  },
  tracked_branches: ["$default", "release/*"],
  required_tools: [],
  required_tools_timeout: "30m",
  enrichment: { kev: true, epss: false },
  notify: { on: ["escape", "gate_failure", "suppression_request"], min_severity: "high" },
  backlog: { enabled: false, severities: ["low", "medium"], labels: ["security"] },
};

function configOf(raw: unknown): GuardrailConfig {
  const result = parseConfig(raw);
  if (!result.ok) throw new Error(result.error);
  return result.config;
}

describe("parseConfig defaults", () => {
  it.each([
    ["undefined", undefined],
    ["null", null],
    ["empty mapping", {}],
  ])("%s → the documented defaults", (_name, raw) => {
    expect(configOf(raw)).toEqual(DEFAULTS);
  });

  it("accepts _extends and does not carry it into the config", () => {
    const config = configOf({ _extends: ".github", comment_on: "none" });
    expect(config).toEqual({ ...DEFAULTS, comment_on: "none" });
    expect(config).not.toHaveProperty("_extends");
  });

  it("fills the defaults of a partial suppressions block", () => {
    expect(configOf({ suppressions: { default_expiry: "90d" } }).suppressions).toEqual({
      permission: "write",
      broad_scope_permission: "maintain",
      default_expiry: "90d",
      approval: DEFAULTS.suppressions.approval,
    });
  });

  it("gives every config its own default gate entries", () => {
    const first = configOf({});
    first.gate[0]!.fail_on = "low";
    expect(configOf({}).gate[0]!.fail_on).toBe("high");
  });

  it.each([
    [{ max_inline_comments: 0, max_annotations: 1000 }],
    [{ suppressions: { default_expiry: "2026-12-31", permission: "admin" } }],
    [{ gate: [{ branches: ["main"], fail_on: "note" }], rules_ignore: ["semgrep:*"] }],
    [{ annotate: "all", comment_on: "diff_context", tracked_branches: ["main"] }],
    [
      {
        suppressions: {
          approval: {
            required_for: "high",
            approvers: ["@octo/security", "alice"],
            max_expiry: "180d",
          },
        },
      },
    ],
  ])("accepts valid values %j", (raw) => {
    expect(configOf(raw)).toMatchObject(raw);
  });
});

describe("parseConfig errors name the key and the problem", () => {
  it.each([
    [
      { gate: [{ branches: ["main"], fail_on: "hgh" }] },
      'gate[0].fail_on: expected one of critical|high|medium|low|note|none, got "hgh"',
    ],
    [{ gate: [{ branches: ["main"] }] }, "gate[0].fail_on: missing, expected one of critical|"],
    [
      { gate: [{ branches: [], fail_on: "high" }] },
      "gate[0].branches: expected at least 1 entry, got []",
    ],
    [{ gate: [{ branch: ["main"], fail_on: "high" }] }, "gate[0].branch: unknown key"],
    [{ gate: "high" }, 'gate: expected a list, got "high"'],
    [{ artifact: ["x"] }, "artifact: unknown key"],
    [{ artifacts: ["ok", 3] }, "artifacts[1]: expected a string, got 3"],
    [{ paths_ignore: [""] }, 'paths_ignore[0]: expected at least 1 character, got ""'],
    [{ rules_ignore: "js/xss" }, 'rules_ignore: expected a list, got "js/xss"'],
    [
      { comment_on: "changed" },
      'comment_on: expected one of added|diff_context|none, got "changed"',
    ],
    [{ annotate: true }, "annotate: expected one of changed-files|all|none, got true"],
    [{ max_inline_comments: 101 }, "max_inline_comments: expected a value of at most 100, got 101"],
    [{ max_inline_comments: -1 }, "max_inline_comments: expected a value of at least 0, got -1"],
    [{ max_inline_comments: "20" }, 'max_inline_comments: expected a number, got "20"'],
    [{ max_annotations: 2.5 }, "max_annotations: expected a whole number, got 2.5"],
    [{ max_annotations: 1001 }, "max_annotations: expected a value of at most 1000, got 1001"],
    [
      { suppressions: { permission: "owner" } },
      "suppressions.permission: expected one of read|triage|write|maintain|admin",
    ],
    [
      { suppressions: { broad_scope_permission: "x" } },
      "suppressions.broad_scope_permission: expected one of",
    ],
    [
      { suppressions: { default_expiry: "90" } },
      'suppressions.default_expiry: expected a number of days like "90d" or a date YYYY-MM-DD, got "90"',
    ],
    [
      { suppressions: { default_expiry: "0d" } },
      "suppressions.default_expiry: expected a number of days",
    ],
    [{ suppressions: { permision: "write" } }, "suppressions.permision: unknown key"],
    [
      { suppressions: { approval: { required_for: "severe" } } },
      "suppressions.approval.required_for: expected one of critical|high|medium|low|note|none",
    ],
    [
      { suppressions: { approval: { approvers: ["@octo"] } } },
      'suppressions.approval.approvers[0]: expected "@org/team-slug" or a login',
    ],
    [
      { suppressions: { approval: { max_expiry: "2027-01-01" } } },
      'suppressions.approval.max_expiry: expected a number of days like "180d"',
    ],
    [{ suppressions: [] }, "suppressions: expected a mapping, got []"],
    [{ tracked_branches: null }, "tracked_branches: expected a list, got null"],
    [{ notify: { on: ["merge"] } }, "notify.on[0]: expected one of escape|gate_failure|"],
    [{ notify: { min_severity: "severe" } }, "notify.min_severity: expected one of critical|"],
    [{ backlog: { severities: ["urgent"] } }, "backlog.severities[0]: expected one of critical|"],
    [{ backlog: { enabled: "yes" } }, "backlog.enabled: expected"],
    [{ _extends: 7 }, "_extends: expected a string, got 7"],
    [["artifacts"], "(top level): expected a mapping of keys, got a list"],
    ["artifacts: x", "(top level): expected a mapping of keys, got a string"],
  ])("%j", (raw, message) => {
    const result = parseConfig(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it("lists several problems, one a line, and caps them", () => {
    const raw = Object.fromEntries(["a", "b", "c", "d", "e", "f", "g"].map((k) => [k, 1]));
    const result = parseConfig(raw);
    expect(result).toEqual({
      ok: false,
      error:
        "a: unknown key\nb: unknown key\nc: unknown key\nd: unknown key\ne: unknown key\n…and 2 more",
    });
  });

  it("shortens a long offending value", () => {
    const result = parseConfig({ comment_on: "x".repeat(500) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThan(150);
  });
});
