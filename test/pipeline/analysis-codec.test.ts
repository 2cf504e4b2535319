import { describe, expect, it } from "@jest/globals";
import type { Analysis } from "../../src/domain/analysis.js";
import { decodeAnalysis, encodeAnalysis } from "../../src/pipeline/analysis-codec.js";
import type { AnalysisRecord } from "../../src/store/analysis-record.js";
import { triaged } from "../report-plan/factory.js";

const finding = triaged({ fingerprint: "fp1", path: "src/db.js", line: 12 }).finding;

const analysis: Analysis = {
  run: {
    installationId: 77,
    owner: "Acme",
    repo: "Shop",
    runId: 9001,
    runAttempt: 2,
    workflowName: "CodeQL",
    event: "pull_request",
    headSha: "a".repeat(40),
    headBranch: "feature",
    headRepo: "Acme/Shop",
  },
  findings: [finding],
  notes: [{ level: "warning", source: "scan.sarif", message: "truncated" }],
  readErrors: 1,
  toolNames: ["CodeQL"],
  isFork: false,
  defaultBranch: "trunk",
  runUrl: "https://github.com/acme/shop/actions/runs/9001",
  checkName: "Guardrail · CodeQL",
  externalId: "9001:2",
};

function asRecord(input: ReturnType<typeof encodeAnalysis>): AnalysisRecord {
  // Through JSON, as the store keeps it.
  return { ...(JSON.parse(JSON.stringify(input)) as AnalysisRecord), id: 5, createdAt: new Date() };
}

describe("analysis codec", () => {
  it("round-trips an analysis with one check run per pull request", () => {
    const checkRuns = [
      { pr: 7, checkRunId: 11, checkName: "Guardrail · CodeQL (#7)" },
      { pr: 8, checkRunId: 12, checkName: "Guardrail · CodeQL (#8)" },
    ];
    const record = asRecord(encodeAnalysis(analysis, checkRuns, new Date()));
    expect(record).toMatchObject({ repo: "acme/shop", prNumbers: [7, 8], checkRunId: 11 });
    expect(decodeAnalysis(record)).toEqual({ id: 5, analysis, checkRuns });
  });

  it("reads version 1 (no version, one check run for the head) as that check run for every PR", () => {
    const record = asRecord(encodeAnalysis(analysis, [], new Date()));
    record.notes = {
      notes: [],
      readErrors: 0,
      toolNames: ["Semgrep"],
      defaultBranch: "main",
      runUrl: "",
    };
    record.prNumbers = [7, 8];
    record.checkRunId = 31;
    const decoded = decodeAnalysis(record);
    expect(decoded.analysis).toMatchObject({
      run: { owner: "acme", repo: "shop" },
      checkName: "Guardrail",
      toolNames: ["Semgrep"],
    });
    expect(decoded.checkRuns).toEqual([
      { pr: 7, checkRunId: 31, checkName: "Guardrail" },
      { pr: 8, checkRunId: 31, checkName: "Guardrail" },
    ]);
  });

  it("refuses a record that is not an analysis instead of guessing", () => {
    const record = asRecord(encodeAnalysis(analysis, [], new Date()));
    record.findings = [{ fingerprint: 3 }];
    expect(() => decodeAnalysis(record)).toThrow(/stored finding/);
    record.findings = [];
    record.notes = { v: 2, notes: "none" };
    expect(() => decodeAnalysis(record)).toThrow();
  });
});
