import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import {
  ensureBuilt,
  makeRepo,
  NEW_LINE,
  OLD_LINE,
  removeTempDirs,
  runBin,
  semgrepSarif,
  writeFile,
} from "./cli-harness.js";

/** Real ESLint output with the parse-error invocation its SARIF formatter writes (see its README). */
const ESLINT_PARSE_ERRORS = readFileSync(
  new URL("../fixtures/sarif-derived/eslint-8.56.0-parse-errors.sarif", import.meta.url),
  "utf8",
);
const SEMGREP_ERRORS = readFileSync(
  new URL("../fixtures/sarif/semgrep/semgrep-snapshot-errors-no-results.sarif", import.meta.url),
  "utf8",
);

beforeAll(ensureBuilt, 180_000);
afterAll(removeTempDirs);

describe("guardrail check text output: what matters on the first screen", () => {
  const sarif = () =>
    semgrepSarif([
      { line: NEW_LINE },
      { line: OLD_LINE },
      { line: 1 },
      { line: 3 },
      { line: 1, uri: "src/other.js" },
      {
        line: 1,
        uri: "src/third.js",
        suppressions: [{ kind: "inSource", justification: "reviewed" }],
      },
    ]);

  it("lists new and suppressed findings in full and counts pre-existing ones per file", () => {
    const repo = makeRepo();
    writeFile(repo, "src/other.js", "eval(x);\n");
    writeFile(repo, "src/third.js", "eval(y);\n");
    writeFile(repo, "scan.sarif", sarif());
    const run = runBin(repo, ["check", "--sarif", "scan.sarif"]);
    const sections = run.stdout.split("\n\n");
    const pre = sections.find((s) => s.startsWith("Pre-existing"));
    expect(pre).toBe(
      "Pre-existing (4)\n  src/app.js  3 high\n  src/other.js  1 high\n  (counted per file; --all lists them)",
    );
    expect(sections.find((s) => s.startsWith("New, blocking (1)"))).toMatch(/src\/app\.js:4 /);
    expect(sections.find((s) => s.startsWith("Suppressed (1)"))).toMatch(
      /src\/third\.js:1 .*\n +suppressed: in source \(SARIF\): reviewed/,
    );
    expect(run.stdout.match(/GR-[0-9a-f]{8}/g)).toHaveLength(2 + 1); // two listed, one id in the verdict
  });

  it("--all lists the pre-existing findings one by one", () => {
    const repo = makeRepo();
    writeFile(repo, "src/other.js", "eval(x);\n");
    writeFile(repo, "scan.sarif", sarif());
    const run = runBin(repo, ["check", "--sarif", "scan.sarif", "--all"]);
    const pre = run.stdout.split("\n\n").find((s) => s.startsWith("Pre-existing"));
    expect(pre?.split("\n").slice(1)).toEqual([
      expect.stringMatching(/^ {2}high {4}GR-[0-9a-f]{8} {2}src\/app\.js:1 /),
      expect.stringMatching(/src\/app\.js:2 /),
      expect.stringMatching(/src\/app\.js:3 /),
      expect.stringMatching(/src\/other\.js:1 /),
    ]);
  });
});

describe("guardrail check: a scanner that did not analyse every file is said so", () => {
  it("ESLint with executionSuccessful false and parse errors: not passed, named on stderr and in the report", () => {
    const repo = makeRepo();
    writeFile(repo, "eslint.sarif", ESLINT_PARSE_ERRORS);
    const run = runBin(repo, ["check", "--sarif", "eslint.sarif"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^warning: error {2}eslint\.sarif: ESLint reported that it did not complete \(executionSuccessful: false\), so some files were not analysed: 3 errors in 3 files: “Parsing error: Unexpected token \.”/,
    );
    expect(run.stdout).not.toContain("✔ Passed");
    expect(run.stdout).toContain(
      "▲ Not blocking: ESLint did not analyse every file (see Problems), so a clean result is not assured",
    );
  });

  it("Semgrep's error notification shows in --format json too", () => {
    const repo = makeRepo();
    writeFile(repo, "semgrep.sarif", SEMGREP_ERRORS);
    const run = runBin(repo, ["check", "--sarif", "semgrep.sarif", "--format", "json"]);
    expect(run.stderr).toContain("Semgrep OSS reported errors while it ran");
    const report = JSON.parse(run.stdout) as { gate?: { conclusion?: string } };
    expect(JSON.stringify(report)).toContain("File not found: targets/basic/inexistent.py");
    expect(run.stdout).not.toMatch(/"conclusion":\s*"success"/);
  });
});
