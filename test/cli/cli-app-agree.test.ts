import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { splitGitDiff } from "../../src/cli/git-diff.js";
import {
  captureCheckRun,
  captureReview,
  mockArtifacts,
  mockConfig,
  mockPullAnalysis,
  mockRun,
} from "../helpers/github-mocks.js";
import { deliverRun, useTestApp } from "../helpers/integration.js";
import { BASE_SHA, HEAD_SHA } from "../helpers/payloads.js";
import { zipOf } from "../helpers/zip.js";
import { mockSourceAt } from "../integration/identity-mocks.js";
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
const harness = useTestApp();

const BASE_SARIF = semgrepSarif(
  [BASE_LINES.first, BASE_LINES.second].map((line) => ({ line, uri: BASE_PATH })),
);
const HEAD_SARIF = semgrepSarif(
  [HEAD_LINES.first, HEAD_LINES.second, HEAD_LINES.copy].map((line) => ({ line, uri: HEAD_PATH })),
);

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
  writeFile(dir, "scans/base.sarif", BASE_SARIF);
  writeFile(dir, "scans/head.sarif", HEAD_SARIF);
  return dir;
}

interface Judged {
  line: number;
  fingerprint: string;
  id: string;
}

describe("the CLI and the App on the same pull request", () => {
  it("give every finding the same identity, call the same ones new, and reach the same conclusion", async () => {
    const repo = scenarioRepo();
    const cli = runBin(repo, [
      "check",
      "--sarif",
      "scans/head.sarif",
      "--base-sarif",
      "scans/base.sarif",
      "--format",
      "json",
    ]);
    const report = JSON.parse(cli.stdout) as {
      gate: { conclusion: string };
      findings: (Judged & { startLine: number; isNew: boolean })[];
    };

    // The App: main's push sets the baseline, then the PR (its files as GitHub lists them).
    const push = {
      runId: 500,
      event: "push",
      headBranch: "main",
      headSha: BASE_SHA,
      pullNumbers: [],
    };
    mockRun(push);
    mockConfig();
    mockArtifacts(
      [{ id: 500, name: "semgrep-sarif", zip: zipOf({ "semgrep.sarif": BASE_SARIF }) }],
      500,
    );
    mockSourceAt(BASE_SHA, { [BASE_PATH]: BASE_SOURCE });
    captureCheckRun(1);
    await deliverRun(harness.app, push);
    await harness.app.runJobs();

    const files = splitGitDiff(git(repo, ["diff", "--find-renames", "main", "feature"]));
    expect(files.map((f) => [f.filename, f.previous_filename])).toEqual([[HEAD_PATH, BASE_PATH]]);
    mockPullAnalysis({ run: { pullNumbers: [7] }, sarif: HEAD_SARIF, files });
    mockSourceAt(HEAD_SHA, { [HEAD_PATH]: HEAD_SOURCE });
    const reviews = captureReview(7) as { comments: { line: number; body: string }[] }[];
    const checks = captureCheckRun(2) as { conclusion: string }[];
    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();
    const record = await harness.app.store.analyses.latestForPr("acme/shop", 7);
    const app = (record?.findings ?? []) as {
      fingerprint: string;
      id: string;
      location: { region?: { startLine: number } };
    }[];

    const byLine = (items: Judged[]) => [...items].sort((a, b) => a.line - b.line);
    expect(
      byLine(
        app.map((f) => ({
          line: f.location.region?.startLine ?? 0,
          fingerprint: f.fingerprint,
          id: f.id,
        })),
      ),
    ).toEqual(
      byLine(
        report.findings.map((f) => ({ line: f.startLine, fingerprint: f.fingerprint, id: f.id })),
      ),
    );
    // New: only the pasted copy, in both; the App comments exactly that one.
    expect(report.findings.filter((f) => f.isNew).map((f) => f.startLine)).toEqual([
      HEAD_LINES.copy,
    ]);
    expect(reviews[0]?.comments.map((c) => c.line)).toEqual([HEAD_LINES.copy]);
    const copyId = report.findings.find((f) => f.startLine === HEAD_LINES.copy)?.id ?? "none";
    expect(reviews[0]?.comments[0]?.body).toContain(copyId);
    expect(checks[0]?.conclusion).toBe(report.gate.conclusion);
  });
});
