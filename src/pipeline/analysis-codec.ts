import { z } from "zod";
import type { Analysis, RunIdentity, TargetCheckRun } from "../domain/analysis.js";
import { repoKeyOf } from "../domain/analysis.js";
import type { Finding, Note } from "../findings/finding.js";
import { externalIdOf } from "../report/external-id.js";
import type { AnalysisRecord, AnalysisRecordInput } from "../store/analysis-record.js";

/** A stored finding is checked for the fields every stage reads; the rest is as the reader wrote it. */
const finding = z.custom<Finding>(
  (value) =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as Record<string, unknown>).fingerprint === "string" &&
    typeof (value as Record<string, unknown>).id === "string" &&
    typeof (value as { location?: { path?: unknown } }).location?.path === "string" &&
    typeof (value as { tool?: { name?: unknown } }).tool?.name === "string",
  { message: "not a stored finding" },
);
const note: z.ZodType<Note> = z.object({
  level: z.enum(["error", "warning", "info"]),
  source: z.string(),
  message: z.string(),
  incompleteTool: z.string().exactOptional(),
});
const checkRun: z.ZodType<TargetCheckRun> = z.object({
  pr: z.number().int().nullable(),
  checkRunId: z.number().int(),
  checkName: z.string(),
});

/** Version 1: what analyses stored before per-PR check runs (no version field, one check run). */
const v1 = z.object({
  notes: z.array(note).default([]),
  readErrors: z.number().int().default(0),
  toolNames: z.array(z.string()).default([]),
  defaultBranch: z.string().default("main"),
  runUrl: z.string().default(""),
});
const v2 = v1.extend({
  v: z.literal(2),
  owner: z.string(),
  repo: z.string(),
  checkName: z.string(),
  checkRuns: z.array(checkRun),
});
const stored = z.union([v2, v1]);
type StoredV2 = z.infer<typeof v2>;

/** An analysis read back from the store, with the check run each of its targets got. */
export interface StoredAnalysis {
  id: number;
  analysis: Analysis;
  checkRuns: TargetCheckRun[];
}

/** What the store keeps of an analysis: the record's columns, the rest in its `notes` column. */
export function encodeAnalysis(
  analysis: Analysis,
  checkRuns: TargetCheckRun[],
  createdAt: Date,
): AnalysisRecordInput {
  const { run } = analysis;
  const notes: StoredV2 = {
    v: 2,
    owner: run.owner,
    repo: run.repo,
    notes: analysis.notes,
    readErrors: analysis.readErrors,
    toolNames: analysis.toolNames,
    defaultBranch: analysis.defaultBranch,
    runUrl: analysis.runUrl,
    checkName: analysis.checkName,
    checkRuns,
  };
  return {
    repo: repoKeyOf(run),
    installationId: run.installationId,
    runId: run.runId,
    runAttempt: run.runAttempt,
    workflowName: run.workflowName,
    event: run.event,
    headSha: run.headSha,
    headBranch: run.headBranch,
    headRepo: run.headRepo,
    isFork: analysis.isFork,
    prNumbers: checkRuns.flatMap((c) => (c.pr === null ? [] : [c.pr])),
    findings: analysis.findings,
    notes,
    checkRunId: checkRuns[0]?.checkRunId ?? null,
    createdAt,
  };
}

/** The analysis a record holds; a record that does not decode is an internal error, not a guess. */
export function decodeAnalysis(record: AnalysisRecord): StoredAnalysis {
  const context = stored.parse(record.notes ?? {});
  const findings = z.array(finding).parse(record.findings);
  const [owner = "", repo = ""] = record.repo.split("/");
  const isV2 = "v" in context;
  const run: RunIdentity = {
    installationId: record.installationId,
    owner: isV2 ? context.owner : owner,
    repo: isV2 ? context.repo : repo,
    runId: record.runId,
    runAttempt: record.runAttempt,
    workflowName: record.workflowName,
    event: record.event,
    headSha: record.headSha,
    headBranch: record.headBranch,
    headRepo: record.headRepo,
  };
  const checkName = isV2 ? context.checkName : "Guardrail";
  const analysis: Analysis = {
    run,
    findings,
    notes: context.notes,
    readErrors: context.readErrors,
    toolNames: context.toolNames,
    isFork: record.isFork,
    defaultBranch: context.defaultBranch,
    runUrl: context.runUrl,
    checkName,
    externalId: externalIdOf(record.runId, record.runAttempt),
  };
  // Version 1 kept one check run for the head, whichever PR asked.
  const checkRuns = isV2
    ? context.checkRuns
    : record.checkRunId === null
      ? []
      : (record.prNumbers.length > 0 ? record.prNumbers : [null]).map((pr) => ({
          pr,
          checkRunId: record.checkRunId ?? 0,
          checkName,
        }));
  return { id: record.id, analysis, checkRuns };
}
