import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../../src/config/parse-config.js";
import { applyPolicy } from "../../src/policy/apply-policy.js";
import { gate } from "../../src/triage/gate.js";
import { finding, triagedOf } from "./finding-factory.js";

function configOf(raw: Record<string, unknown>) {
  const parsed = parseConfig(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.config;
}

const where = { baseBranch: "main", defaultBranch: "main", isFork: false };
const policy = { fail_on: "high" as const, branches: ["$default"], base: "main" };

const RULES = configOf({
  gate: [
    {
      branches: ["$default"],
      fail_on: "high",
      rules: [
        { name: "known-exploited", when: "finding.kev", action: "block" },
        { name: "tests", when: 'finding.path.startsWith("test/")', action: "ignore" },
        { name: "medium-sca", when: 'finding.severity == "medium"', action: "warn" },
      ],
    },
  ],
});

describe("applyPolicy + gate", () => {
  it("ignored findings leave the gate; the Policy report counts each rule and its verdict", () => {
    const out = applyPolicy(
      [
        triagedOf(finding({ id: "GR-kev00001", severity: "low", kev: true })),
        triagedOf(finding({ id: "GR-test0001", location: { path: "test/a.xml" } })),
        triagedOf(finding({ id: "GR-test0002", location: { path: "test/b.xml" } })),
        triagedOf(finding({ id: "GR-med00001", severity: "medium" })),
      ],
      { config: RULES, ...where },
    );
    expect(out.ignored.map((t) => t.finding.id)).toEqual(["GR-test0001", "GR-test0002"]);
    expect(out.report.rules).toEqual([
      { rule: "known-exploited", source: "repository", verdict: "block", count: 1 },
      { rule: "tests", source: "repository", verdict: "ignore", count: 2 },
      { rule: "medium-sca", source: "repository", verdict: "warn", count: 1 },
    ]);
    expect(gate(out.triaged, policy)).toMatchObject({
      conclusion: "failure",
      reason: '1 new finding blocked by rule "known-exploited" for main: GR-kev00001',
    });
  });

  it("a suppression still lifts a block", () => {
    const out = applyPolicy([triagedOf(finding({ kev: true }), { suppressed: true })], {
      config: RULES,
      ...where,
    });
    expect(gate(out.triaged, policy).conclusion).toBe("success");
  });

  it("warn reports without blocking, even above fail_on", () => {
    const config = configOf({
      gate: [
        { branches: ["**"], fail_on: "low", rules: [{ name: "w", when: "true", action: "warn" }] },
      ],
    });
    const out = applyPolicy([triagedOf(finding({ severity: "critical" }))], { config, ...where });
    expect(gate(out.triaged, policy)).toMatchObject({ conclusion: "neutral" });
  });

  it("a block rule reaches pre-existing findings when it does not test finding.new", () => {
    const out = applyPolicy(
      [triagedOf(finding({ id: "GR-old00001", kev: true }), { isNew: false })],
      {
        config: RULES,
        ...where,
      },
    );
    expect(gate(out.triaged, policy).reason).toBe(
      '1 finding blocked by rule "known-exploited" for main: GR-old00001',
    );
  });

  it("a push is reported, never blocked", () => {
    const out = applyPolicy([triagedOf(finding({ kev: true }))], { config: RULES, ...where });
    expect(gate(out.triaged, { ...policy, reportOnly: true }).conclusion).toBe("neutral");
  });

  it("an erroring rule blocks with a note naming the rule, the finding and the error", () => {
    const config = configOf({
      gate: [
        {
          branches: ["**"],
          fail_on: "none",
          rules: [{ name: "bad-index", when: 'finding.cve[3] == "x"', action: "warn" }],
        },
      ],
    });
    const out = applyPolicy([triagedOf(finding({ id: "GR-err00001" }))], { config, ...where });
    expect(out.report.errors).toEqual([
      {
        rule: "bad-index",
        source: "repository",
        findingId: "GR-err00001",
        message: expect.stringMatching(/index out of bounds/) as unknown as string,
      },
    ]);
    expect(gate(out.triaged, policy).reason).toBe(
      'rule "bad-index" could not be evaluated on 1 new finding, so they block: GR-err00001',
    );
  });

  it("the summary names the enforced rule and the enforced threshold that blocked", () => {
    const config = configOf({
      gate: [{ branches: ["**"], fail_on: "none" }],
      enforce: {
        gate: [
          {
            branches: ["$default"],
            fail_on: "high",
            rules: [{ name: "org-kev", when: "finding.kev", action: "block" }],
          },
        ],
      },
    });
    const out = applyPolicy(
      [
        triagedOf(finding({ id: "GR-kev00001", severity: "low", kev: true })),
        triagedOf(finding({ id: "GR-hi000001", severity: "high" })),
        triagedOf(finding({ id: "GR-lo000001", severity: "low" })),
      ],
      { config, ...where },
    );
    expect(gate(out.triaged, { ...policy, fail_on: "none" })).toMatchObject({
      conclusion: "failure",
      reason:
        '1 new finding blocked by rule "org-kev" enforced by the organisation for main: GR-kev00001; ' +
        "1 new finding at or above high (fail_on enforced by the organisation for main): GR-hi000001",
    });
    expect(out.report.rules).toEqual([
      { rule: "org-kev", source: "organisation", verdict: "block", count: 1 },
      { rule: "fail_on: high", source: "organisation", verdict: "block", count: 1 },
    ]);
  });
});
