import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Log } from "sarif";
import { readSarif } from "../../src/sarif/read-sarif.js";
import {
  ensureBuilt,
  removeTempDirs,
  makeRepo,
  NEW_LINE,
  OLD_LINE,
  RULE_ID,
  runBin,
  semgrepSarif,
  TOOL,
  writeFile,
} from "./cli-harness.js";

beforeAll(ensureBuilt, 180_000);
afterAll(removeTempDirs);

interface JsonReport {
  gate: { conclusion: string; blocked: boolean; failOn: string };
  base: { ref: string; branch: string };
  findings: {
    id: string;
    fingerprint: string;
    group: string;
    startLine: number;
    isNew: boolean;
    suppressed: null | { kind: string; text: string };
  }[];
}

function checkJson(
  repo: string,
  extra: string[] = [],
): { code: number | null; report: JsonReport } {
  const run = runBin(repo, ["check", "--sarif", "scan.sarif", "--format", "json", ...extra]);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

/** A repository whose scan has a pre-existing finding (line 2) and a new one (line 4). */
function scannedRepo(): string {
  const repo = makeRepo();
  writeFile(repo, "scan.sarif", semgrepSarif([{ line: OLD_LINE }, { line: NEW_LINE }]));
  return repo;
}

describe("--format json", () => {
  it("parses, with each finding's group, identity and the gate", () => {
    const { code, report } = checkJson(scannedRepo());
    expect(code).toBe(1);
    expect(report.gate).toMatchObject({ conclusion: "failure", blocked: true, failOn: "high" });
    expect(report.base).toMatchObject({ ref: "main", branch: "main" });
    expect(report.findings.map((f) => [f.startLine, f.group, f.isNew])).toEqual([
      [OLD_LINE, "pre-existing", false],
      [NEW_LINE, "new-blocking", true],
    ]);
    for (const f of report.findings) {
      expect(f.fingerprint).toMatch(/^v1:[0-9a-f]{64}$/);
      expect(f.id).toMatch(/^GR-[0-9a-f]{8}$/);
    }
  });

  it("keeps a finding's fingerprint when lines are inserted above it", () => {
    const repo = scannedRepo();
    const before = checkJson(repo).report.findings[1]?.fingerprint;
    writeFile(
      repo,
      "src/app.js",
      "// header\n// more\nconst a = 1;\neval(config);\nconst b = 2;\neval(userInput);\n",
    );
    writeFile(repo, "scan.sarif", semgrepSarif([{ line: OLD_LINE + 2 }, { line: NEW_LINE + 2 }]));
    expect(checkJson(repo).report.findings[1]?.fingerprint).toBe(before);
  });
});

describe("--format markdown", () => {
  it("prints the check run's title and summary", () => {
    const run = runBin(scannedRepo(), ["check", "--sarif", "scan.sarif", "--format", "markdown"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^## /);
    expect(run.stdout).toContain("❌ **Blocked.**");
    expect(run.stdout).toMatch(/### New findings \(1\)[\s\S]*GR-[0-9a-f]{8}/);
  });
});

describe("--format sarif", () => {
  function enriched(
    repo: string,
    extra: string[] = [],
  ): { code: number | null; log: Log; stdout: string } {
    const run = runBin(repo, ["check", "--sarif", "scan.sarif", "--format", "sarif", ...extra]);
    return { code: run.code, log: JSON.parse(run.stdout) as Log, stdout: run.stdout };
  }

  it("validates against SARIF 2.1.0 with no violation at all", () => {
    const { code, stdout } = enriched(scannedRepo());
    expect(code).toBe(1);
    const read = readSarif(stdout, "enriched.sarif");
    expect(read.ok).toBe(true);
    expect(read.ok && read.warnings).toEqual([]);
  });

  it("adds baselineState and the fingerprint to each result, by position", () => {
    const repo = scannedRepo();
    const fingerprints = checkJson(repo).report.findings.map((f) => f.fingerprint);
    const results = enriched(repo).log.runs[0]?.results ?? [];
    expect(
      results.map((r) => [r.locations?.[0]?.physicalLocation?.region?.startLine, r.baselineState]),
    ).toEqual([
      [OLD_LINE, "unchanged"],
      [NEW_LINE, "new"],
    ]);
    expect(results.map((r) => r.partialFingerprints?.["guardrail/v1"])).toEqual(fingerprints);
    expect(results[0]?.ruleId).toBe(RULE_ID);
  });

  it("records a suppression from --suppressions as an accepted external one", () => {
    const repo = scannedRepo();
    const target = checkJson(repo).report.findings[1]!;
    writeFile(repo, "pinned.yml", findingSuppression(target.fingerprint, "2999-01-01"));
    const { code, log, stdout } = enriched(repo, ["--suppressions", "pinned.yml"]);
    expect(code).toBe(0);
    expect(log.runs[0]?.results?.[1]?.suppressions).toEqual([
      {
        kind: "external",
        status: "accepted",
        justification: "false-positive by alice (until 2999-01-01): input is a constant",
      },
    ]);
    expect(log.runs[0]?.results?.[0]?.suppressions).toBeUndefined();
    expect(readSarif(stdout, "enriched.sarif").ok).toBe(true);
    // The enriched log is itself a suppressions file: its external suppressions apply.
    writeFile(repo, "enriched.sarif", stdout);
    expect(checkJson(repo, ["--suppressions", "enriched.sarif"]).code).toBe(0);
  });

  it("leaves results that are no finding untouched", () => {
    const repo = makeRepo();
    const log = JSON.parse(semgrepSarif([{ line: NEW_LINE }])) as Log;
    const pass = { ruleId: RULE_ID, kind: "pass" as const, message: { text: "fine" } };
    log.runs[0]!.results!.push(pass);
    writeFile(repo, "scan.sarif", JSON.stringify(log));
    expect(enriched(repo).log.runs[0]?.results?.[1]).toEqual(pass);
  });
});

function findingSuppression(fingerprint: string, expires: string): string {
  return [
    "version: 1",
    "repo: octo/app",
    "suppressions:",
    "  - scope: finding",
    `    fingerprint: "${fingerprint}"`,
    "    reason: false-positive",
    "    justification: input is a constant",
    "    author: alice",
    `    expires: "${expires}"`,
    "",
  ].join("\n");
}

describe("--suppressions", () => {
  it.each([
    [
      "a finding-scope suppression",
      (fp: string) => findingSuppression(fp, "2999-01-01"),
      0,
      "false-positive by alice",
    ],
    [
      "a rule-scope suppression",
      () =>
        `suppressions:\n  - scope: rule\n    tool: ${TOOL}\n    rule: ${RULE_ID}\n    reason: accepted-risk\n    justification: sandboxed\n    author: bob\n`,
      0,
      "accepted-risk by bob, rule scope",
    ],
    [
      "a path suppression that does not match",
      () =>
        `suppressions:\n  - scope: path\n    tool: ${TOOL}\n    rule: ${RULE_ID}\n    path: "test/**"\n    reason: used-in-tests\n    justification: fixtures\n    author: bob\n`,
      1,
      "New, blocking (1)",
    ],
    [
      "an expired suppression",
      (fp: string) => findingSuppression(fp, "2001-01-01"),
      1,
      "a suppression of this finding expired on 2001-01-01",
    ],
  ])("%s", (_name, file, code, shown) => {
    const repo = scannedRepo();
    const target = checkJson(repo).report.findings[1]!;
    writeFile(repo, "pinned.yml", file(target.fingerprint));
    const run = runBin(repo, ["check", "--sarif", "scan.sarif", "--suppressions", "pinned.yml"]);
    expect(run.code).toBe(code);
    expect(run.stdout).toContain(shown);
  });

  it.each([
    ["a missing file", null, /^guardrail: suppressions file not found: .*nope\.yml$/],
    [
      "an unknown reason",
      "suppressions:\n  - scope: rule\n    tool: t\n    rule: r\n    reason: meh\n    justification: j\n    author: a\n",
      /suppressions\.0\.reason/,
    ],
    [
      "a scope without its fields",
      "suppressions:\n  - scope: finding\n    reason: other\n    justification: j\n    author: a\n",
      /suppressions\.0\.fingerprint: scope finding needs fingerprint/,
    ],
    [
      "broken SARIF",
      '{"runs": 3}',
      /^guardrail: invalid suppressions file .*nope\.yml: not valid SARIF/,
    ],
  ])("rejects %s with exit 2", (_name, content, message) => {
    const repo = scannedRepo();
    if (content !== null) writeFile(repo, "nope.yml", content);
    const run = runBin(repo, ["check", "--sarif", "scan.sarif", "--suppressions", "nope.yml"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd()).toMatch(message);
  });
});
