import { describe, expect, it } from "@jest/globals";
import { triage, type TriageInput } from "../../src/triage/triage.js";
import type { SarifSuppression } from "../../src/findings/finding.js";
import type { Suppression } from "../../src/store/suppression.js";
import { parseConfig } from "../../src/config/parse-config.js";
import type { GuardrailConfig } from "../../src/config/schema.js";
import { diffMap, finding, suppression, type FindingSpec } from "./factory.js";

const NOW = new Date("2025-06-01T00:00:00Z");

function config(raw: Record<string, unknown> = {}): GuardrailConfig {
  const parsed = parseConfig(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.config;
}

function triageOne(spec: FindingSpec, over: Partial<TriageInput> = {}) {
  const [only] = triage({
    findings: [finding(spec)],
    diff: diffMap({ "src/app.ts": { added: [10, 11, 12] } }),
    baseline: null,
    suppressions: [],
    config: config(),
    isFork: false,
    now: NOW,
    ...over,
  });
  if (only === undefined) throw new Error("no result");
  return only;
}

describe("SARIF suppressions", () => {
  const inSource: SarifSuppression = { kind: "inSource", justification: "nosemgrep" };
  const external: SarifSuppression = { kind: "external", status: "accepted" };
  it.each<[string, SarifSuppression[], boolean, string | null]>([
    ["inSource, same repository", [inSource], false, "inSource"],
    ["inSource, fork", [inSource], true, "inSource"],
    ["external, same repository", [external], false, "external"],
    ["external, fork: attacker-controlled", [external], true, null],
    ["inSource and external, fork", [external, inSource], true, "inSource"],
    [
      "accepted but another under review",
      [inSource, { kind: "external", status: "underReview" }],
      false,
      null,
    ],
    ["rejected", [{ kind: "inSource", status: "rejected" }], false, null],
    ["none", [], false, null],
  ])("%s", (_name, suppressions, isFork, expected) => {
    const result = triageOne({ suppressions }, { isFork });
    if (expected === null) expect(result.suppressedBy).toBeNull();
    else expect(result.suppressedBy).toMatchObject({ kind: "sarif", suppressionKind: expected });
  });

  it("keeps the justification", () => {
    expect(triageOne({ suppressions: [inSource] }).suppressedBy).toEqual({
      kind: "sarif",
      suppressionKind: "inSource",
      justification: "nosemgrep",
    });
  });
});

describe("config ignores", () => {
  it.each<[string, Record<string, unknown>, FindingSpec, string | null]>([
    ["path glob", { paths_ignore: ["test/**"] }, { path: "test/a/b.ts" }, "paths_ignore:test/**"],
    ["path glob, other path", { paths_ignore: ["test/**"] }, { path: "src/a.ts" }, null],
    ["plain rule glob", { rules_ignore: ["js/*"] }, { rule: "js/xss" }, "rules_ignore:js/*"],
    [
      "tool:rule",
      { rules_ignore: ["codeql:js/xss"] },
      { tool: "CodeQL" },
      "rules_ignore:codeql:js/xss",
    ],
    ["tool:rule, other tool", { rules_ignore: ["semgrep:js/xss"] }, { tool: "CodeQL" }, null],
  ])("%s", (_name, raw, spec, expected) => {
    const by = triageOne(spec, { config: config(raw) }).suppressedBy;
    if (expected === null) expect(by).toBeNull();
    else expect(by?.kind === "config" ? `${by.key}:${by.pattern}` : by).toBe(expected);
  });
});

describe("store suppressions", () => {
  const byFingerprint = suppression({ kind: "finding", fingerprint: "fp-1" });
  const byRule = suppression({ kind: "rule", tool: "codeql", ruleId: "js/xss" }, { id: 2 });
  const byPath = suppression(
    { kind: "path", tool: "CodeQL", ruleId: "js/xss", pathGlob: "src/legacy/**" },
    { id: 3 },
  );

  it.each<[string, Suppression[], FindingSpec, number | null]>([
    ["finding scope", [byFingerprint], { fingerprint: "fp-1" }, 1],
    ["finding scope, other finding", [byFingerprint], { fingerprint: "fp-2" }, null],
    ["rule scope, tool case differs", [byRule], { tool: "CodeQL" }, 2],
    ["rule scope, other rule", [byRule], { rule: "js/sql-injection" }, null],
    ["rule scope, other tool", [byRule], { tool: "Semgrep" }, null],
    ["path scope, inside", [byPath], { path: "src/legacy/old.js" }, 3],
    ["path scope, outside", [byPath], { path: "src/new.js" }, null],
    [
      "finding scope wins",
      [byRule, byPath, byFingerprint],
      { fingerprint: "fp-1", path: "src/legacy/a.js" },
      1,
    ],
    ["path scope before rule scope", [byRule, byPath], { path: "src/legacy/a.js" }, 3],
    ["lifted is ignored", [{ ...byRule, status: "lifted" }], {}, null],
  ])("%s", (_name, suppressions, spec, expectedId) => {
    const by = triageOne(spec, { suppressions }).suppressedBy;
    expect(by?.kind === "store" ? by.suppression.id : by).toBe(expectedId);
  });

  it("keeps a finding suppressed when inserted lines move it (same fingerprint, new line)", () => {
    const suppressions = [byFingerprint];
    const before = triageOne({ fingerprint: "fp-1", line: 10 }, { suppressions });
    const after = triageOne({ fingerprint: "fp-1", line: 42 }, { suppressions });
    expect(before.suppressedBy).toEqual({ kind: "store", suppression: byFingerprint });
    expect(after.suppressedBy).toEqual({ kind: "store", suppression: byFingerprint });
  });

  it("SARIF wins over config, config over the store", () => {
    const suppressions = [byRule];
    const cfg = config({ paths_ignore: ["src/**"] });
    expect(triageOne({}, { suppressions, config: cfg }).suppressedBy?.kind).toBe("config");
    const sarif = { suppressions: [{ kind: "inSource" as const }] };
    expect(triageOne(sarif, { suppressions, config: cfg }).suppressedBy?.kind).toBe("sarif");
  });
});

describe("expired suppressions", () => {
  const lapsed = suppression(
    { kind: "finding", fingerprint: "fp-1" },
    { expiresAt: new Date("2025-05-31T00:00:00Z"), status: "expired" },
  );

  it("stop applying and are reported on the findings they covered", () => {
    const result = triageOne({ fingerprint: "fp-1" }, { expiredSuppressions: [lapsed] });
    expect(result.suppressedBy).toBeNull();
    expect(result.expiredSuppression).toBe(lapsed);
  });

  it("are not reported on findings they never covered", () => {
    const result = triageOne({ fingerprint: "fp-2" }, { expiredSuppressions: [lapsed] });
    expect(result.expiredSuppression).toBeNull();
  });

  it.each([
    ["expired an hour ago", "2025-05-31T23:00:00Z", false],
    ["expires exactly now", "2025-06-01T00:00:00Z", false],
    ["expires in an hour", "2025-06-01T01:00:00Z", true],
  ])("an 'active' one from the store that %s (%s) applies: %s", (_name, expiresAt, applies) => {
    const stale = { ...lapsed, status: "active" as const, expiresAt: new Date(expiresAt) };
    const result = triageOne({ fingerprint: "fp-1" }, { suppressions: [stale] });
    expect(result.suppressedBy !== null).toBe(applies);
    expect(result.expiredSuppression).toBe(applies ? null : stale);
  });

  it("are not reported when an active suppression covers the finding", () => {
    const rule = suppression({ kind: "rule", tool: "CodeQL", ruleId: "js/xss" }, { id: 9 });
    const result = triageOne(
      { fingerprint: "fp-1" },
      { suppressions: [rule], expiredSuppressions: [lapsed] },
    );
    expect(result.suppressedBy).toEqual({ kind: "store", suppression: rule });
    expect(result.expiredSuppression).toBeNull();
  });
});

describe("the join scales", () => {
  it("triages 20,000 findings against 20,000 suppressions quickly", () => {
    const findings = Array.from({ length: 20_000 }, (_, i) =>
      finding({ fingerprint: `fp-${i}`, rule: `rule-${i % 500}`, path: `src/f${i}.ts` }),
    );
    const suppressions = Array.from({ length: 20_000 }, (_, i) =>
      i % 2 === 0
        ? suppression({ kind: "finding", fingerprint: `fp-${i}` }, { id: i })
        : suppression(
            { kind: "path", tool: "codeql", ruleId: `rule-${i % 500}`, pathGlob: "lib/**" },
            { id: i },
          ),
    );
    const started = Date.now();
    const result = triage({
      findings,
      diff: null,
      baseline: null,
      suppressions,
      config: config(),
      isFork: false,
      now: NOW,
    });
    expect(result.filter((t) => t.suppressedBy !== null)).toHaveLength(10_000);
    // A nested loop would be 4e8 comparisons (path ones with a glob each): minutes, not this.
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
