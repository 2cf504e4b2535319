import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { fileURLToPath } from "node:url";
import {
  ensureBuilt,
  removeTempDirs,
  FEATURE_APP,
  git,
  makeRepo,
  NEW_LINE,
  OLD_LINE,
  runBin,
  semgrepSarif,
  tempDir,
  writeFile,
} from "./cli-harness.js";

const INVALID_SARIF = fileURLToPath(
  new URL(
    "../fixtures/sarif/codeql/codeql-action-testdata-invalid-results-is-number.sarif",
    import.meta.url,
  ),
);
const ANSI = /\u001B\[/;

beforeAll(ensureBuilt, 180_000);
afterAll(removeTempDirs);

describe("guardrail check: the gate decides the exit code", () => {
  it("exits 1 on a new blocking finding and groups findings as the check run does", () => {
    const repo = makeRepo();
    writeFile(repo, "scan.sarif", semgrepSarif([{ line: OLD_LINE }, { line: NEW_LINE }]));
    const run = runBin(repo, ["check", "--sarif", "scan.sarif"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const [blocking, preExisting] = run.stdout.split("\n\n").slice(1);
    expect(blocking).toMatch(
      /^New, blocking \(1\)\n {2}high {4}GR-[0-9a-f]{8} {2}src\/app\.js:4 {2}/,
    );
    // Pre-existing findings are counted per file; --all lists them (test/cli/check-text.test.ts).
    expect(preExisting).toMatch(/^Pre-existing \(1\)\n {2}src\/app\.js {2}1 high\n/);
    expect(run.stdout).toMatch(
      /✖ Blocked: 1 new finding at or above high \(fail_on for main\): GR-/,
    );
    expect(run.stdout).toContain("against main");
    expect(run.stdout).not.toMatch(ANSI);
  });

  it("exits 0 when every finding was already on the base", () => {
    const repo = makeRepo();
    writeFile(repo, "scan.sarif", semgrepSarif([{ line: OLD_LINE }]));
    const run = runBin(repo, ["check", "--sarif", "scan.sarif"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Pre-existing (1)");
    expect(run.stdout).not.toContain("New");
    expect(run.stdout).toMatch(/✔ Passed: No new findings/);
  });

  it.each([
    ["--fail-on none", ["--fail-on", "none"], 0, "New (1)"],
    ["--fail-on critical", ["--fail-on", "critical"], 0, "New (1)"],
    ["--fail-on medium", ["--fail-on", "medium"], 1, "New, blocking (1)"],
  ])("%s overrides the config gate", (_name, flags, code, group) => {
    const repo = makeRepo();
    writeFile(repo, "scan.sarif", semgrepSarif([{ line: NEW_LINE }]));
    const run = runBin(repo, ["check", "--sarif", "scan.sarif", ...flags]);
    expect(run.code).toBe(code);
    expect(run.stdout).toContain(`\n${group}\n`);
  });

  it("applies .github/guardrail.yml from the working tree", () => {
    const repo = makeRepo();
    writeFile(repo, ".github/guardrail.yml", 'gate:\n  - branches: ["**"]\n    fail_on: none\n');
    writeFile(repo, "scan.sarif", semgrepSarif([{ line: NEW_LINE }]));
    const run = runBin(repo, ["check", "--sarif", "scan.sarif"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "▲ Not blocking: 1 new finding, the gate for main does not fail on findings",
    );
  });

  it("honours a SARIF in-source suppression", () => {
    const repo = makeRepo();
    writeFile(
      repo,
      "scan.sarif",
      semgrepSarif([{ line: NEW_LINE, suppressions: [{ kind: "inSource" }] }]),
    );
    const run = runBin(repo, ["check", "--sarif", "scan.sarif"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Suppressed (1)");
    expect(run.stdout).toContain("suppressed: in source (SARIF)");
  });

  it("places absolute file:// paths under the repository and reads directories of SARIF", () => {
    const repo = makeRepo();
    const uri = new URL(`file://${repo}/src/app.js`).href;
    writeFile(repo, "out/nested/scan.sarif.json", semgrepSarif([{ line: NEW_LINE, uri }]));
    writeFile(repo, "out/readme.txt", "not SARIF");
    const run = runBin(repo, ["check", "--sarif", "out"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("src/app.js:4");
  });

  it("with --base HEAD counts only uncommitted lines as new (pre-commit)", () => {
    const repo = makeRepo();
    writeFile(repo, "scan.sarif", semgrepSarif([{ line: NEW_LINE }]));
    expect(runBin(repo, ["check", "--sarif", "scan.sarif", "--base", "HEAD"]).code).toBe(0);
    writeFile(repo, "src/app.js", `${FEATURE_APP}eval(more);\n`);
    writeFile(repo, "scan.sarif", semgrepSarif([{ line: NEW_LINE }, { line: 5 }]));
    const run = runBin(repo, ["check", "--sarif", "scan.sarif", "--base", "HEAD"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/New, blocking \(1\)\n.*src\/app\.js:5/);
  });

  it("diffs against the merge base, not the tip of a base that moved on", () => {
    const repo = makeRepo();
    git(repo, ["checkout", "-q", "main"]);
    writeFile(repo, "other.js", "unrelated\n");
    git(repo, ["add", "."]);
    git(repo, ["commit", "-q", "-m", "main moves on"]);
    git(repo, ["checkout", "-q", "feature"]);
    writeFile(repo, "scan.sarif", semgrepSarif([{ line: NEW_LINE }]));
    expect(runBin(repo, ["check", "--sarif", "scan.sarif"]).code).toBe(1);
  });
});

describe("guardrail check: colour", () => {
  it.each([
    [{ FORCE_COLOR: "1" }, true],
    [{ FORCE_COLOR: "1", NO_COLOR: "1" }, false],
    [{}, false],
  ])("env %j → colour %s", (env, coloured) => {
    const repo = makeRepo();
    writeFile(repo, "scan.sarif", semgrepSarif([{ line: NEW_LINE }]));
    const run = runBin(repo, ["check", "--sarif", "scan.sarif"], env);
    expect(ANSI.test(run.stdout)).toBe(coloured);
  });
});

describe("guardrail check: usage and input errors exit 2 with one line", () => {
  it.each<[string, (repo: string) => string[], RegExp]>([
    [
      "a missing SARIF file",
      () => ["--sarif", "nope.sarif"],
      /^guardrail: SARIF input not found: nope\.sarif$/,
    ],
    [
      "invalid SARIF",
      () => ["--sarif", INVALID_SARIF],
      /^guardrail: invalid SARIF: .*is-number\.sarif: not valid SARIF 2\.1\.0/,
    ],
    [
      "a directory without SARIF",
      (repo) => ["--sarif", writeFile(repo, "empty/x.txt", "") && `${repo}/empty`],
      /no \*\.sarif/,
    ],
    [
      "an unknown base",
      () => ["--sarif", "scan.sarif", "--base", "no-such-branch"],
      /^guardrail: unknown base ref "no-such-branch"/,
    ],
    [
      "a base that looks like an option",
      () => ["--sarif", "scan.sarif", "--base=--output=x"],
      /unknown base ref "--output=x"/,
    ],
    [
      "a bad config",
      () => ["--sarif", "scan.sarif", "--config", "bad.yml"],
      /^guardrail: bad config .*bad\.yml: .*fail_on/,
    ],
    [
      "a missing config",
      () => ["--sarif", "scan.sarif", "--config", "none.yml"],
      /^guardrail: config file not found: .*none\.yml$/,
    ],
    [
      "an unknown option",
      () => ["--sarif", "scan.sarif", "--frobnicate"],
      /^guardrail: Unknown option '--frobnicate'/,
    ],
    [
      "a bad --format",
      () => ["--sarif", "scan.sarif", "--format", "xml"],
      /^guardrail: --format must be one of text, markdown, json, sarif/,
    ],
    [
      "a bad --fail-on",
      () => ["--sarif", "scan.sarif", "--fail-on", "severe"],
      /^guardrail: --fail-on must be one of critical/,
    ],
    ["no --sarif", () => [], /^guardrail: check needs --sarif/],
  ])("%s", (_name, args, message) => {
    const repo = makeRepo();
    writeFile(repo, "scan.sarif", semgrepSarif([{ line: NEW_LINE }]));
    writeFile(repo, "bad.yml", "gate:\n  - branches: [main]\n    fail_on: severe\n");
    const run = runBin(repo, ["check", ...args(repo)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });

  it("outside a git repository", () => {
    const dir = tempDir();
    writeFile(dir, "scan.sarif", semgrepSarif([{ line: 1 }]));
    const run = runBin(dir, ["check", "--sarif", "scan.sarif"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^guardrail: not a git repository: /);
  });

  it("an unknown command", () => {
    const run = runBin(tempDir(), ["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('guardrail: unknown command "frobnicate": try "guardrail help"\n');
  });
});

describe("guardrail help and --version", () => {
  it.each([[["help"]], [["--help"]], [[]]])("%j prints usage and exits 0", (args) => {
    const run = runBin(tempDir(), args);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("guardrail check --sarif <file|dir>...");
    expect(run.stdout).toContain("guardrail suppressions export");
  });

  it("check --help details the options", () => {
    const run = runBin(tempDir(), ["check", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--suppressions <file>");
  });

  it("--version prints the package version", () => {
    const run = runBin(tempDir(), ["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
