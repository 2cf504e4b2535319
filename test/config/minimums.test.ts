import { describe, expect, it } from "@jest/globals";
import { mergeMinimums } from "../../src/config/minimums.js";

const S = (o: Record<string, unknown>) => ({
  permission: "write",
  broad_scope_permission: "maintain",
  default_expiry: null,
  approval: { required_for: "none", approvers: [], max_expiry: null },
  ...o,
});

describe("mergeMinimums: a repository can tighten, never loosen", () => {
  it.each<
    [string, Record<string, unknown>, Record<string, unknown>, unknown, Record<string, unknown>]
  >([
    [
      "role: enforced higher wins",
      S({ permission: "read" }),
      S({ permission: "maintain" }),
      { permission: "maintain" },
      { permission: "maintain" },
    ],
    [
      "role: repo higher stays",
      S({ permission: "admin" }),
      S({ permission: "write" }),
      { permission: "write" },
      { permission: "admin" },
    ],
    [
      "a key the org did not write is the repo's",
      S({ permission: "read" }),
      S({ permission: "write" }),
      {},
      { permission: "read" },
    ],
    [
      "approval threshold: medium asks for more than high",
      S({ approval: { required_for: "high", approvers: [], max_expiry: null } }),
      S({ approval: { required_for: "medium", approvers: [], max_expiry: null } }),
      { approval: { required_for: "medium" } },
      { approval: { required_for: "medium", approvers: [], max_expiry: null } },
    ],
    [
      "approval threshold: none never loosens an enforced one",
      S({ approval: { required_for: "none", approvers: [], max_expiry: null } }),
      S({ approval: { required_for: "critical", approvers: [], max_expiry: null } }),
      { approval: { required_for: "critical" } },
      { approval: { required_for: "critical", approvers: [], max_expiry: null } },
    ],
    [
      "expiry: shorter wins, null is no limit",
      S({ approval: { required_for: "none", approvers: ["alice"], max_expiry: null } }),
      S({ approval: { required_for: "none", approvers: ["@acme/security"], max_expiry: "90d" } }),
      { approval: { max_expiry: "90d", approvers: ["@acme/security"] } },
      { approval: { required_for: "none", approvers: ["@acme/security"], max_expiry: "90d" } },
    ],
    [
      "expiry: the repo's shorter one stays",
      S({ default_expiry: "30d" }),
      S({ default_expiry: "90d" }),
      { default_expiry: "90d" },
      { default_expiry: "30d" },
    ],
    [
      "an unknown (newer) key takes the organisation's value",
      S({ future_key: 1 }),
      S({ future_key: 2 }),
      { future_key: 2 },
      { future_key: 2 },
    ],
  ])("%s", (_name, repo, enforced, raw, expected) => {
    expect(mergeMinimums(repo, enforced, raw)).toMatchObject(expected);
  });
});
