import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Log } from "sarif";
import {
  ensureBuilt,
  git,
  removeTempDirs,
  runBin,
  semgrepSarif,
  tempDir,
  writeFile,
} from "./cli-harness.js";
import {
  BASE_LINES,
  BASE_PATH,
  BASE_SOURCE,
  HEAD_LINES,
  HEAD_PATH,
  HEAD_SOURCE,
} from "./identity-scenario.js";

beforeAll(ensureBuilt, 180_000);
afterAll(removeTempDirs);

/** main has the base file and its scan; `feature` renames and edits it (identity-scenario.ts). */
function scenarioRepo(): string {
  const dir = tempDir();
  git(dir, ["init", "-q", "-b", "main"]);
  writeFile(dir, BASE_PATH, BASE_SOURCE);
  git(dir, ["add", "."]);
  git(dir, ["commit", "-q", "-m", "base"]);
  git(dir, ["checkout", "-q", "-b", "feature"]);
  git(dir, ["rm", "-q", BASE_PATH]);
  writeFile(dir, HEAD_PATH, HEAD_SOURCE);
  git(dir, ["add", HEAD_PATH]);
  git(dir, ["commit", "-q", "-m", "rename, edit, copy"]);
  writeFile(
    dir,
    "scans/base.sarif",
    semgrepSarif([
      { line: BASE_LINES.first, uri: BASE_PATH },
      { line: BASE_LINES.second, uri: BASE_PATH },
    ]),
  );
  writeFile(
    dir,
    "scans/head.sarif",
    semgrepSarif(
      [HEAD_LINES.first, HEAD_LINES.second, HEAD_LINES.copy].map((line) => ({
        line,
        uri: HEAD_PATH,
      })),
    ),
  );
  return dir;
}

function sarifCheck(
  repo: string,
  extra: string[],
): { line: number; identity: string; state: string }[] {
  const run = runBin(repo, [
    "check",
    "--sarif",
    "scans/head.sarif",
    "--format",
    "sarif",
    "--fail-on",
    "none",
    ...extra,
  ]);
  expect(run.code).toBe(0);
  const log = JSON.parse(run.stdout) as Log;
  return (log.runs[0]?.results ?? []).map((r) => ({
    line: r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
    identity: r.partialFingerprints?.["guardrail/v1"] ?? "",
    state: r.baselineState ?? "",
  }));
}

/** The base scan judged on main itself: its fingerprints are the identities to keep. */
function baseIdentities(repo: string): string[] {
  git(repo, ["checkout", "-q", "main"]);
  const run = runBin(repo, [
    "check",
    "--sarif",
    "scans/base.sarif",
    "--format",
    "sarif",
    "--base",
    "main",
  ]);
  git(repo, ["checkout", "-q", "feature"]);
  const log = JSON.parse(run.stdout) as Log;
  return (log.runs[0]?.results ?? []).map((r) => r.partialFingerprints?.["guardrail/v1"] ?? "");
}

describe("guardrail check --base-sarif", () => {
  it("tracks findings across a rename and edits: they keep the base identity; the pasted copy is new", () => {
    const repo = scenarioRepo();
    const [first, second] = baseIdentities(repo);
    expect(first).toMatch(/^v1:[0-9a-f]{64}$/);

    const results = sarifCheck(repo, ["--base-sarif", "scans/base.sarif"]);
    expect(results).toEqual([
      { line: HEAD_LINES.first, identity: first, state: "unchanged" },
      { line: HEAD_LINES.second, identity: second, state: "unchanged" },
      {
        line: HEAD_LINES.copy,
        identity: expect.not.stringMatching(`^(${first}|${second})$`),
        state: "new",
      },
    ]);
  });

  it("without --base-sarif, new means on an added line, and identities are the head's own", () => {
    const repo = scenarioRepo();
    const [first] = baseIdentities(repo);
    const results = sarifCheck(repo, []);
    // The second finding's own line was edited, and the copy was added: both on added lines.
    expect(results.map((r) => r.state)).toEqual(["unchanged", "new", "new"]);
    expect(results[0]?.identity).not.toBe(first);
  });

  it("reads base SARIF from a directory and gates on what the branch introduced", () => {
    const repo = scenarioRepo();
    const run = runBin(repo, [
      "check",
      "--sarif",
      "scans/head.sarif",
      "--base-sarif",
      "scans",
      "--format",
      "json",
    ]);
    const report = JSON.parse(run.stdout) as { findings: { startLine: number; isNew: boolean }[] };
    // "scans" holds head.sarif too: its findings are at head paths, which the base never had.
    expect(report.findings.map((f) => [f.startLine, f.isNew])).toEqual([
      [HEAD_LINES.first, false],
      [HEAD_LINES.second, false],
      [HEAD_LINES.copy, true],
    ]);
    expect(run.code).toBe(1);
  });
});
