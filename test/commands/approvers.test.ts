import { describe, expect, it } from "@jest/globals";
import { checkApprover, parseApprover, whoMay } from "../../src/commands/approvers.js";
import type { Role } from "../../src/commands/authorize.js";

const TEAM = { "octo/security": ["carol", "Dave"] } as Record<string, string[]>;

function check(login: string, approvers: string[], role: Role = "write", requester = "alice") {
  return checkApprover({
    login,
    requester,
    approvers,
    role: () => Promise.resolve(role),
    isTeamMember: (team, who) =>
      Promise.resolve(
        (TEAM[`${team.org}/${team.slug}`] ?? []).some((m) => m.toLowerCase() === who.toLowerCase()),
      ),
  });
}

describe("checkApprover", () => {
  it.each([
    ["a listed login", "bob", ["bob"], "write", true],
    ["a listed login, other case", "BOB", ["bob"], "read", true],
    ["a team member", "carol", ["@octo/security"], "read", true],
    ["a team member, other case", "dave", ["@octo/security", "bob"], "read", true],
    ["someone not listed", "eve", ["@octo/security", "bob"], "admin", false],
    ["an admin when nobody is listed", "eve", [], "admin", true],
    ["a maintainer when nobody is listed", "eve", [], "maintain", false],
    ["the requester, even when listed", "alice", ["alice", "@octo/security"], "admin", false],
    ["the requester, other case", "ALICE", [], "admin", false],
  ] as const)("%s", async (_name, login, approvers, role, allowed) => {
    const verdict = await check(login, [...approvers], role);
    expect(verdict.allowed).toBe(allowed);
  });

  it("names who may approve in the refusal, without notifying them", async () => {
    const verdict = await check("eve", ["@octo/security", "bob"]);
    expect(verdict).toEqual({
      allowed: false,
      message: "Only approvers may decide this request: approvers are `@octo/security`, `@bob`.",
    });
    const own = await check("alice", ["bob"]);
    expect(own.allowed === false && own.message).toContain("the person who made it");
  });
});

describe("approver entries", () => {
  it.each([
    ["@octo/security", { kind: "team", org: "octo", slug: "security" }],
    ["bob", { kind: "login", login: "bob" }],
  ])("%s", (entry, parsed) => {
    expect(parseApprover(entry)).toEqual(parsed);
  });

  it("says admins decide when nobody is listed", () => {
    expect(whoMay([])).toBe("anyone with the admin role on this repository may approve.");
  });
});
