import { describe, expect, it } from "@jest/globals";
import { policySection } from "../../src/report/summary-policy.js";

describe("Policy section of the check summary", () => {
  it("lists each rule that decided findings, who set it, its verdict and count", () => {
    const text = policySection({
      rules: [
        { rule: "known-exploited", source: "organisation", verdict: "block", count: 1 },
        { rule: "tests", source: "repository", verdict: "ignore", count: 3 },
        { rule: "medium-sca", source: "repository", verdict: "warn", count: 2 },
      ],
      errors: [],
    })(10_000);
    expect(text).toBe(
      [
        "### Policy",
        "",
        "| Rule | Set by | Verdict | Findings |",
        "| --- | --- | --- | --- |",
        "| `known-exploited` | organisation (enforced) | ❌ block | 1 |",
        "| `tests` | repository | ➖ ignore | 3 |",
        "| `medium-sca` | repository | ⚠️ warn | 2 |",
      ].join("\n"),
    );
  });

  it("names rules that could not be evaluated; hostile names stay inert", () => {
    const text = policySection({
      rules: [
        { rule: "@admins `x` <img src=x>", source: "repository", verdict: "block", count: 1 },
      ],
      errors: [
        {
          rule: "@admins `x` <img src=x>",
          source: "repository",
          findingId: "GR-0000abcd",
          message: "index out of bounds",
        },
      ],
    })(10_000);
    expect(text).not.toContain("<img");
    expect(text).not.toMatch(/(^|[^`\w])@admins/);
    expect(text).toContain(
      "could not be evaluated on GR-0000abcd (index out of bounds): counted as block.",
    );
  });

  it("is empty when no rule matched", () => {
    expect(policySection({ rules: [], errors: [] })(10_000)).toBe("");
    expect(policySection(undefined)(10_000)).toBe("");
  });
});
