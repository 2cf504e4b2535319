import type { Insertable, Selectable } from "kysely";
import type { AnalysesTable } from "./database.js";

/** What one analysed workflow run (attempt) found, kept so commands can re-evaluate it. */
export interface AnalysisRecordInput {
  /** `owner/name`; stored lower-cased. */
  repo: string;
  installationId: number;
  runId: number;
  runAttempt: number;
  workflowName: string;
  event: string;
  headSha: string;
  headBranch: string;
  /** Full name of the head repository (a fork's, for fork pull requests). */
  headRepo: string;
  isFork: boolean;
  prNumbers: number[];
  /** The caller's Finding[]; stored as JSON and handed back as parsed. */
  findings: unknown[];
  /** The caller's notes (JSON-serialisable). */
  notes: unknown;
  checkRunId: number | null;
  createdAt: Date;
}

export interface AnalysisRecord extends AnalysisRecordInput {
  id: number;
}

export type AnalysisRow = Selectable<AnalysesTable>;

/** The upsert key: (repo, runId, runAttempt) identifies one analysis. */
export function analysisKey(input: AnalysisRecordInput) {
  return { repo: input.repo.toLowerCase(), run_id: input.runId, run_attempt: input.runAttempt };
}

/** Everything but the key: what a re-saved run replaces. */
export function analysisFields(input: AnalysisRecordInput) {
  return {
    installation_id: input.installationId,
    workflow_name: input.workflowName,
    event: input.event,
    head_sha: input.headSha,
    head_branch: input.headBranch,
    head_repo: input.headRepo,
    is_fork: input.isFork ? 1 : 0,
    pr_numbers: JSON.stringify(input.prNumbers),
    findings: JSON.stringify(input.findings),
    notes: JSON.stringify(input.notes ?? null),
    check_run_id: input.checkRunId,
    created_at: input.createdAt.getTime(),
  } satisfies Omit<Insertable<AnalysesTable>, keyof ReturnType<typeof analysisKey>>;
}

export function fromAnalysisRow(row: AnalysisRow): AnalysisRecord {
  return {
    id: row.id,
    repo: row.repo,
    installationId: row.installation_id,
    runId: row.run_id,
    runAttempt: row.run_attempt,
    workflowName: row.workflow_name,
    event: row.event,
    headSha: row.head_sha,
    headBranch: row.head_branch,
    headRepo: row.head_repo,
    isFork: row.is_fork === 1,
    prNumbers: JSON.parse(row.pr_numbers) as number[],
    findings: JSON.parse(row.findings) as unknown[],
    notes: JSON.parse(row.notes) as unknown,
    checkRunId: row.check_run_id,
    createdAt: new Date(row.created_at),
  };
}
