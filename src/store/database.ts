import type { Generated } from "kysely";

/**
 * The tables as Kysely sees them. Times are epoch milliseconds (integer on SQLite, bigint on
 * PostgreSQL) so both dialects compare and sort them the same way; booleans are 0/1 for the same
 * reason; JSON is stored as text because it is only ever read back whole.
 */

export interface DeliveriesTable {
  id: string;
  event: string;
  received_at: number;
}

export interface SuppressionsTable {
  id: Generated<number>;
  repo: string;
  scope_kind: "finding" | "rule" | "path";
  fingerprint: string | null;
  tool: string | null;
  rule_id: string | null;
  path_glob: string | null;
  reason: string;
  justification: string;
  author: string;
  created_at: number;
  expires_at: number | null;
  source: string | null;
  status: string;
  finding_id: string | null;
  /** Who approved or denied a requested suppression (migration 0006). */
  decided_by: string | null;
  decided_at: number | null;
  decision_note: string | null;
}

export interface SuppressionAuditTable {
  id: Generated<number>;
  suppression_id: number;
  action: string;
  actor: string;
  at: number;
  comment_url: string | null;
  details: string;
}

export interface AnalysesTable {
  id: Generated<number>;
  repo: string;
  installation_id: number;
  run_id: number;
  run_attempt: number;
  workflow_name: string;
  event: string;
  head_sha: string;
  head_branch: string;
  head_repo: string;
  is_fork: number;
  pr_numbers: string;
  findings: string;
  notes: string;
  check_run_id: number | null;
  created_at: number;
}

/** One row per pull request an analysis reported on, so "latest for PR n" is an index lookup. */
export interface AnalysisPrsTable {
  analysis_id: number;
  repo: string;
  pr_number: number;
}

/** A tool analysed on a tracked branch: its presence is what makes a baseline exist. */
export interface BaselineToolsTable {
  repo: string;
  branch: string;
  tool: string;
  sha: string;
  recorded_at: number;
}

export interface BaselineFingerprintsTable {
  repo: string;
  branch: string;
  tool: string;
  fingerprint: string;
  severity: string;
  first_seen_at: number;
  first_seen_sha: string;
  fixed_at: number | null;
  fixed_sha: string | null;
  /** 1 when it was in the first baseline of its branch and tool: it predates Guardrail. */
  pre_existing: number;
  /** Where it was last seen, for the tracker (migration 0005; "" and 0 when unknown). */
  rule_id: string;
  path: string;
  line: number;
  snippet_hash: string;
  window_hash: string;
  message_hash: string;
}

export interface ReportedFingerprintsTable {
  repo: string;
  fingerprint: string;
  reported_at: number;
}

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: string;
  singleton_key: string | null;
  state: string;
  attempts: number;
  max_attempts: number;
  run_after: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  finished_at: number | null;
}

/** A chat message waiting for (or past) delivery; `dedupe_key` makes each event sent once. */
export interface NotificationOutboxTable {
  id: Generated<number>;
  dedupe_key: string;
  channel: string;
  repo: string;
  event: string;
  payload: string;
  state: string;
  attempts: number;
  due_at: number;
  claim: string | null;
  claimed_until: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

/** Per chat webhook: no request before this time (1 per second, or a 429's Retry-After). */
export interface NotificationChannelsTable {
  channel: string;
  not_before: number;
}

/** A GitHub issue holding one tool and rule's backlog findings. */
export interface BacklogIssuesTable {
  repo: string;
  issue_number: number;
  tool: string;
  rule: string;
  /** `open`, `closed` (by Guardrail: none left) or `dismissed` (a person closed it). */
  state: string;
  /** JSON array of the fingerprints the issue lists (or listed when it was closed). */
  fingerprints: string;
  updated_at: number;
}

/** One `Guardrail · required scanners` check run per pull request head (migration 0010). */
export interface RequiredToolChecksTable {
  repo: string;
  head_sha: string;
  pr_number: number;
  installation_id: number;
  check_run_id: number | null;
  /** JSON arrays of tool names / file paths. */
  required: string;
  seen: string;
  workflow_changes: string;
  /** `in_progress` or `completed`. */
  status: string;
  conclusion: string | null;
  deadline_at: number;
  updated_at: number;
}

/** One finding's lifecycle in one repository (migration 0007); times epoch ms, booleans 0/1. */
export interface FindingLifecycleTable {
  repo: string;
  fingerprint: string;
  finding_id: string;
  tool: string;
  rule: string;
  severity: string;
  path: string;
  line: number | null;
  message: string;
  first_seen_at: number;
  /** `pr:<n>` or `branch:<name>`. */
  first_seen_ref: string;
  first_pr: number | null;
  reported_at: number | null;
  merged_at: number | null;
  preexisting: number;
  escaped: number;
  prevented: number;
  resolved_at: number | null;
  resolution: "fixed" | "suppressed" | null;
  last_pr: number | null;
  last_seen_at: number;
}

/** What the lifecycle rows of one repo, tool and severity add up to, kept per transition. */
export interface LifecycleCountsTable {
  repo: string;
  tool: string;
  severity: string;
  open: number;
  escaped: number;
  prevented: number;
  fixed: number;
  suppressed: number;
}

/** Resolution-time histogram buckets (non-cumulative) per tool, severity and resolution. */
export interface LifecycleResolutionsTable {
  tool: string;
  severity: string;
  resolution: string;
  bucket: number;
  count: number;
  sum_ms: number;
}

/** Pull requests opened, for scan coverage and time to feedback. */
export interface PullRequestsTable {
  repo: string;
  number: number;
  opened_at: number;
  first_analysed_at: number | null;
  first_feedback_ms: number | null;
}

export interface PullRequestCountsTable {
  repo: string;
  opened: number;
  scanned: number;
  feedback_count: number;
  feedback_sum_ms: number;
}

export interface RequiredToolMissingTable {
  repo: string;
  tool: string;
  count: number;
}

export interface Database {
  deliveries: DeliveriesTable;
  suppressions: SuppressionsTable;
  suppression_audit: SuppressionAuditTable;
  analyses: AnalysesTable;
  analysis_prs: AnalysisPrsTable;
  baseline_tools: BaselineToolsTable;
  baseline_fingerprints: BaselineFingerprintsTable;
  reported_fingerprints: ReportedFingerprintsTable;
  jobs: JobsTable;
  notification_outbox: NotificationOutboxTable;
  notification_channels: NotificationChannelsTable;
  backlog_issues: BacklogIssuesTable;
  required_tool_checks: RequiredToolChecksTable;
  finding_lifecycle: FindingLifecycleTable;
  lifecycle_counts: LifecycleCountsTable;
  lifecycle_resolutions: LifecycleResolutionsTable;
  pull_requests: PullRequestsTable;
  pull_request_counts: PullRequestCountsTable;
  required_tool_missing: RequiredToolMissingTable;
}

export type StoreKind = "sqlite" | "postgres";
