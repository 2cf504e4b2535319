import { describe, expect, it } from "@jest/globals";
import {
  authorize,
  effectiveRole,
  type AuthorizeInput,
  type Role,
} from "../../src/commands/authorize.js";

describe("effectiveRole", () => {
  it.each<[string, string | null | undefined, Role]>([
    ["admin", "admin", "admin"],
    ["write", "maintain", "maintain"],
    ["write", "write", "write"],
    ["read", "triage", "triage"],
    ["read", "read", "read"],
    ["write", undefined, "write"],
    ["read", null, "read"],
    ["write", "security-reviewer", "write"],
    ["read", "auditor", "read"],
    ["none", null, "none"],
    ["ADMIN", "", "admin"],
    ["pull", "nonsense", "none"],
    ["write", "MAINTAIN", "maintain"],
  ])("permission %s, role_name %j → %s", (permission, roleName, expected) => {
    const input = roleName === undefined ? { permission } : { permission, role_name: roleName };
    expect(effectiveRole(input)).toBe(expected);
  });
});

const defaults = { permission: "write", broad_scope_permission: "maintain" } as const;

describe("authorize", () => {
  it.each<[Role, "finding" | "rule" | "path", boolean]>([
    ["admin", "finding", true],
    ["admin", "rule", true],
    ["maintain", "rule", true],
    ["maintain", "path", true],
    ["write", "finding", true],
    ["write", "rule", false],
    ["write", "path", false],
    ["triage", "finding", false],
    ["read", "finding", false],
    ["none", "finding", false],
  ])("%s may suppress by %s: %s", (role, kind, allowed) => {
    const result = authorize({ role, scope: { kind }, config: defaults });
    expect(result.allowed).toBe(allowed);
  });

  it("honours a stricter or looser config", () => {
    const config = { permission: "triage", broad_scope_permission: "admin" } as const;
    expect(authorize({ role: "triage", scope: { kind: "finding" }, config }).allowed).toBe(true);
    expect(authorize({ role: "maintain", scope: { kind: "rule" }, config })).toMatchObject({
      allowed: false,
      needed: "admin",
      had: "maintain",
    });
  });

  it.each<[string, AuthorizeInput, string]>([
    [
      "a rule, with the login",
      { role: "write", scope: { kind: "rule" }, config: defaults, login: "alice" },
      "Suppressing a whole rule needs the maintain role on this repository; `@alice` has write.",
    ],
    [
      "a finding, without a login",
      { role: "read", scope: { kind: "finding" }, config: defaults },
      "Suppressing a finding needs the write role on this repository; you have read.",
    ],
    [
      "lifting a path suppression",
      { role: "none", scope: { kind: "path" }, config: defaults, login: "bob", action: "lift" },
      "Lifting a path-wide suppression needs the maintain role on this repository; `@bob` has no role on it.",
    ],
    [
      "a login that tries to break out of the code span",
      { role: "read", scope: { kind: "finding" }, config: defaults, login: "eve` @admin `" },
      "Suppressing a finding needs the write role on this repository; `@eveadmin` has read.",
    ],
  ])("explains a refusal: %s", (_name, input, message) => {
    expect(authorize(input)).toEqual({
      allowed: false,
      needed: input.scope.kind === "finding" ? "write" : "maintain",
      had: input.role,
      message,
    });
  });

  it("accepts a stored suppression scope when lifting", () => {
    const scope = { kind: "rule", tool: "CodeQL", ruleId: "js/xss" } as const;
    expect(authorize({ role: "maintain", scope, config: defaults, action: "lift" })).toEqual({
      allowed: true,
    });
  });
});
