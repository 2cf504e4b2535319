import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../../src/config/parse-config.js";

function errorOf(raw: unknown): string {
  const parsed = parseConfig(raw);
  if (parsed.ok) throw new Error("expected a config error");
  return parsed.error;
}

const entry = (rules: unknown[]) => ({ gate: [{ branches: ["**"], fail_on: "high", rules }] });

describe("gate rules in .github/guardrail.yml: a broken rule fails closed naming it", () => {
  it.each([
    [
      entry([{ name: "kev", when: "finding.kevv", action: "block" }]),
      'gate[0].rules[0].when: rule "kev": No such key: kevv, got "finding.kevv"',
    ],
    [
      entry([
        { name: "ok", when: "true", action: "warn" },
        { name: "half", when: "finding.new &&", action: "warn" },
      ]),
      'gate[0].rules[1].when: rule "half": Unexpected token: EOF, got "finding.new &&"',
    ],
    [
      entry([{ name: "str", when: "finding.path", action: "ignore" }]),
      'gate[0].rules[0].when: rule "str": must be a bool expression, this one is string, got "finding.path"',
    ],
    [
      entry([{ name: "x", when: "true", action: "deny" }]),
      'gate[0].rules[0].action: expected one of block|warn|ignore, got "deny"',
    ],
    [
      entry([{ when: "true", action: "block" }]),
      "gate[0].rules[0].name: missing, expected a string",
    ],
    [
      {
        enforce: {
          gate: [
            {
              branches: ["**"],
              fail_on: "high",
              rules: [{ name: "org", when: 'finding.cvss > "7"', action: "block" }],
            },
          ],
        },
      },
      'enforce.gate[0].rules[0].when: rule "org": no such overload: double > string, got "finding.cvss > \\"7\\""',
    ],
    [
      { required_tools_timeout: "30 minutes" },
      'required_tools_timeout: expected a duration like "30m", "2h" or "1d", got "30 minutes"',
    ],
    [{ enrichment: { kev: "yes" } }, 'enrichment.kev: expected true or false, got "yes"'],
    [{ enforce: { fail_on: "high" } }, "enforce.fail_on: unknown key"],
  ])("%#: %s", (raw, message) => {
    expect(errorOf(raw)).toBe(message);
  });

  it("accepts the design's example", () => {
    const parsed = parseConfig({
      gate: [
        {
          branches: ["$default", "release/*"],
          fail_on: "high",
          rules: [{ name: "known-exploited", when: "finding.kev && finding.new", action: "block" }],
        },
        { branches: ["**"], fail_on: "none" },
      ],
      required_tools: ["CodeQL", "Trivy"],
      required_tools_timeout: "30m",
      enrichment: { kev: true, epss: false },
    });
    expect(parsed.ok).toBe(true);
  });
});
