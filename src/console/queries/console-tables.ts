import type { Kysely } from "kysely";
import type { Database } from "../../store/database.js";

/**
 * The lifecycle tables (migration 0007) as the console reads them. Times are epoch ms, booleans
 * 0/1, like every other table.
 */
export type FindingLifecycleRow = {
  repo: string;
  fingerprint: string;
  finding_id: string;
  tool: string;
  rule: string;
  severity: string;
  path: string | null;
  line: number | null;
  message: string;
  first_seen_at: number;
  first_seen_ref: string;
  first_pr: number | null;
  reported_at: number | null;
  merged_at: number | null;
  preexisting: number;
  escaped: number;
  prevented: number;
  resolved_at: number | null;
  resolution: string | null;
};

export type PullRequestRow = {
  repo: string;
  number: number;
  opened_at: number;
  first_analysed_at: number | null;
};

export type ConsoleTables = {
  finding_lifecycle: FindingLifecycleRow;
  pull_requests: PullRequestRow;
};

export type ConsoleDb = Kysely<Database & ConsoleTables>;

export function consoleDb(db: Kysely<Database>): ConsoleDb {
  return db.withTables<ConsoleTables>();
}

/** Severities most severe first: the order every table and chart uses. */
export const SEVERITIES = ["critical", "high", "medium", "low", "note"] as const;
