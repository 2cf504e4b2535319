import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../../src/config/parse-config.js";
import type { Finding } from "../../src/findings/finding.js";
import { gateSides } from "../../src/policy/gate-sides.js";
import { judge } from "../../src/policy/verdict.js";
import type { FindingVerdict } from "../../src/triage/verdict.js";
import { finding } from "./finding-factory.js";

function sidesOf(yaml: Record<string, unknown>, branch = "main") {
  const parsed = parseConfig(yaml);
  if (!parsed.ok) throw new Error(parsed.error);
  return gateSides(parsed.config, branch, "main");
}

const KEV_ON_MAIN = {
  gate: [
    {
      branches: ["$default"],
      fail_on: "critical",
      rules: [
        { name: "known-exploited", when: "finding.kev && finding.new", action: "block" },
        { name: "tests", when: 'finding.path.startsWith("test/")', action: "ignore" },
        {
          name: "medium-sca",
          when: 'finding.severity == "medium" && finding.cve.size() > 0',
          action: "warn",
        },
      ],
    },
    { branches: ["**"], fail_on: "none" },
  ],
};

const cases: Array<{
  name: string;
  f: Finding;
  isNew?: boolean;
  config?: Record<string, unknown>;
  branch?: string;
  expected: FindingVerdict;
}> = [
  {
    name: "a KEV finding blocks even below fail_on",
    f: finding({ severity: "low", kev: true }),
    expected: {
      verdict: "block",
      cause: { kind: "rule", rule: "known-exploited", source: "repository" },
    },
  },
  {
    name: "first match wins: a KEV finding in test/ blocks before the ignore rule",
    f: finding({ kev: true, location: { path: "test/pom.xml" } }),
    expected: {
      verdict: "block",
      cause: { kind: "rule", rule: "known-exploited", source: "repository" },
    },
  },
  {
    name: "a pre-existing KEV finding is not matched by `finding.new`, and fail_on skips old ones",
    f: finding({ kev: true }),
    isNew: false,
    expected: { verdict: "pass", cause: { kind: "default" } },
  },
  {
    name: "ignore drops a finding under test/ even at critical",
    f: finding({ location: { path: "test/fixtures/pom.xml" } }),
    expected: { verdict: "ignore", cause: { kind: "rule", rule: "tests", source: "repository" } },
  },
  {
    name: "warn on a medium SCA finding",
    f: finding({ severity: "medium" }),
    expected: {
      verdict: "warn",
      cause: { kind: "rule", rule: "medium-sca", source: "repository" },
    },
  },
  {
    name: "no rule matches: fail_on decides",
    f: finding({ severity: "critical", kev: false }),
    expected: {
      verdict: "block",
      cause: { kind: "fail_on", failOn: "critical", source: "repository" },
    },
  },
  {
    name: "no rule matches and below fail_on: pass",
    f: finding({ severity: "high", cve: [] }),
    expected: { verdict: "pass", cause: { kind: "default" } },
  },
  {
    name: "another branch takes the next entry: no rules, fail_on none",
    f: finding({ kev: true }),
    branch: "feature/x",
    expected: { verdict: "pass", cause: { kind: "default" } },
  },
  {
    name: "a rule that errors on a finding blocks it, with the error",
    f: finding({ rule: { id: "r", tags: [] } }),
    config: {
      gate: [
        {
          branches: ["**"],
          fail_on: "none",
          rules: [{ name: "first-tag", when: 'finding.tags[0] == "x"', action: "warn" }],
        },
      ],
    },
    expected: {
      verdict: "block",
      cause: {
        kind: "rule",
        rule: "first-tag",
        source: "repository",
        error: expect.stringMatching(/index out of bounds/) as unknown as string,
      },
    },
  },
  {
    name: "branch and is_fork are variables",
    f: finding({ severity: "note" }),
    config: {
      gate: [
        {
          branches: ["**"],
          fail_on: "none",
          rules: [{ name: "main-only", when: 'branch == "main" && !is_fork', action: "block" }],
        },
      ],
    },
    expected: {
      verdict: "block",
      cause: { kind: "rule", rule: "main-only", source: "repository" },
    },
  },
  {
    name: "epss and cvss default to 0 when unknown",
    f: (({ cvss: _unknown, ...rest }) => rest)(finding()),
    config: {
      gate: [
        {
          branches: ["**"],
          fail_on: "none",
          rules: [
            { name: "scored", when: "finding.cvss == 0.0 && finding.epss == 0.0", action: "warn" },
          ],
        },
      ],
    },
    expected: { verdict: "warn", cause: { kind: "rule", rule: "scored", source: "repository" } },
  },
];

describe("judge: one finding's verdict", () => {
  it.each(cases)("$name", ({ f, isNew, config, branch, expected }) => {
    const sides = sidesOf(config ?? KEV_ON_MAIN, branch ?? "main");
    expect(judge(f, isNew ?? true, sides, { branch: branch ?? "main", isFork: false })).toEqual(
      expected,
    );
  });
});

describe("judge: the organisation's enforced gate, the stricter verdict wins", () => {
  const enforceKev = {
    gate: [
      {
        branches: ["$default"],
        fail_on: "high",
        rules: [{ name: "known-exploited", when: "finding.kev", action: "block" }],
      },
    ],
  };
  it.each<{
    name: string;
    repo: Record<string, unknown>;
    f: Finding;
    expected: FindingVerdict["verdict"];
    by: string;
  }>([
    {
      name: "repo fail_on none cannot loosen the enforced fail_on",
      repo: { gate: [{ branches: ["**"], fail_on: "none" }] },
      f: finding({ severity: "high" }),
      expected: "block",
      by: "fail_on/organisation",
    },
    {
      name: "repo ignore cannot drop what the organisation blocks",
      repo: {
        gate: [
          {
            branches: ["**"],
            fail_on: "none",
            rules: [{ name: "all", when: "true", action: "ignore" }],
          },
        ],
      },
      f: finding({ severity: "low", kev: true }),
      expected: "block",
      by: "known-exploited/organisation",
    },
    {
      name: "repo warn loses to an enforced block",
      repo: {
        gate: [
          {
            branches: ["**"],
            fail_on: "none",
            rules: [{ name: "w", when: "true", action: "warn" }],
          },
        ],
      },
      f: finding({ severity: "critical" }),
      expected: "block",
      by: "fail_on/organisation",
    },
    {
      name: "the repo may tighten: its block beats the organisation's silence",
      repo: { gate: [{ branches: ["**"], fail_on: "low" }] },
      f: finding({ severity: "low" }),
      expected: "block",
      by: "fail_on/repository",
    },
    {
      name: "enforced silence keeps the repo's ignore",
      repo: {
        gate: [
          {
            branches: ["**"],
            fail_on: "none",
            rules: [{ name: "docs", when: 'finding.path.startsWith("docs/")', action: "ignore" }],
          },
        ],
      },
      f: finding({ severity: "low", location: { path: "docs/a.md" } }),
      expected: "ignore",
      by: "docs/repository",
    },
  ])("$name", ({ repo, f, expected, by }) => {
    const sides = sidesOf({ ...repo, enforce: enforceKev });
    const verdict = judge(f, true, sides, { branch: "main", isFork: false });
    expect(verdict.verdict).toBe(expected);
    const cause = verdict.cause;
    const label = cause.kind === "rule" ? cause.rule : cause.kind;
    expect(`${label}/${cause.kind === "default" ? "" : cause.source}`).toBe(by);
  });
});
