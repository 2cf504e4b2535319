import type { Kysely } from "kysely";
import type { Database } from "./database.js";

/** `closed`: Guardrail closed it (none left); `dismissed`: a person closed it. */
export type BacklogIssueState = "open" | "closed" | "dismissed";

export interface BacklogIssueRecord {
  repo: string;
  issueNumber: number;
  tool: string;
  rule: string;
  state: BacklogIssueState;
  /** What the issue lists now (open) or listed when it was closed. */
  fingerprints: string[];
  updatedAt: Date;
}

export interface BacklogIssueStore {
  list(repo: string): Promise<BacklogIssueRecord[]>;
  save(record: BacklogIssueRecord): Promise<void>;
}

export function createBacklogIssueStore(db: Kysely<Database>): BacklogIssueStore {
  return {
    async list(repo) {
      const rows = await db
        .selectFrom("backlog_issues")
        .selectAll()
        .where("repo", "=", repo.toLowerCase())
        .orderBy("issue_number")
        .execute();
      return rows.map((r) => ({
        repo: r.repo,
        issueNumber: Number(r.issue_number),
        tool: r.tool,
        rule: r.rule,
        state: r.state as BacklogIssueState,
        fingerprints: JSON.parse(r.fingerprints) as string[],
        updatedAt: new Date(Number(r.updated_at)),
      }));
    },

    async save(record) {
      const row = {
        repo: record.repo.toLowerCase(),
        issue_number: record.issueNumber,
        tool: record.tool,
        rule: record.rule,
        state: record.state,
        fingerprints: JSON.stringify(record.fingerprints),
        updated_at: record.updatedAt.getTime(),
      };
      await db
        .insertInto("backlog_issues")
        .values(row)
        .onConflict((oc) =>
          oc.columns(["repo", "issue_number"]).doUpdateSet({
            tool: row.tool,
            rule: row.rule,
            state: row.state,
            fingerprints: row.fingerprints,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },
  };
}
