/**
 * State of each `Guardrail · required scanners` check run: opened on a pull request head, ticked
 * off by each analysis of that head, completed exactly once (by the last tool, the last workflow
 * run, or the timeout job, whichever comes first).
 */
import type { Kysely, Selectable } from "kysely";
import type { Database, RequiredToolChecksTable, StoreKind } from "./database.js";
import { inWriteTransaction } from "./write-transaction.js";

export interface RequiredToolsRecord {
  repo: string;
  headSha: string;
  prNumber: number;
  installationId: number;
  checkRunId: number | null;
  required: string[];
  seen: string[];
  /** Files under .github/workflows/ the pull request deletes or edits. */
  workflowChanges: string[];
  status: "in_progress" | "completed";
  conclusion: "success" | "failure" | null;
  deadlineAt: Date;
}

export interface RequiredToolsStore {
  /** Starts (or, for a reopened PR, restarts) waiting on a head; tools already seen are kept. */
  open(
    record: Omit<RequiredToolsRecord, "seen" | "status" | "conclusion">,
  ): Promise<RequiredToolsRecord>;
  get(repo: string, headSha: string): Promise<RequiredToolsRecord | null>;
  /** Adds tool names an analysis of the head saw; null when nothing waits on that head. */
  addSeen(repo: string, headSha: string, tools: string[]): Promise<RequiredToolsRecord | null>;
  /**
   * True for the one caller that moved it from in_progress to completed; `success` may also
   * revise a failure, when a scanner's analysis arrives after every run was seen completed.
   */
  complete(repo: string, headSha: string, conclusion: "success" | "failure"): Promise<boolean>;
}

export function createRequiredToolsStore(
  db: Kysely<Database>,
  kind: StoreKind,
): RequiredToolsStore {
  const key = (repo: string) => repo.toLowerCase();
  const select = (trx: Kysely<Database>, repo: string, headSha: string) => {
    const query = trx
      .selectFrom("required_tool_checks")
      .selectAll()
      .where("repo", "=", key(repo))
      .where("head_sha", "=", headSha);
    return (kind === "postgres" ? query.forUpdate() : query).executeTakeFirst();
  };
  return {
    open: (record) =>
      inWriteTransaction(db, kind, async (trx) => {
        const existing = await select(trx, record.repo, record.headSha);
        const row = {
          repo: key(record.repo),
          head_sha: record.headSha,
          pr_number: record.prNumber,
          installation_id: record.installationId,
          check_run_id: record.checkRunId,
          required: JSON.stringify(record.required),
          seen: existing?.seen ?? "[]",
          workflow_changes: JSON.stringify(record.workflowChanges),
          status: "in_progress",
          conclusion: null,
          deadline_at: record.deadlineAt.getTime(),
          updated_at: Date.now(),
        };
        if (existing === undefined)
          await trx.insertInto("required_tool_checks").values(row).execute();
        else await updateRow(trx, record.repo, record.headSha, row);
        return fromRow(row);
      }),

    async get(repo, headSha) {
      const row = await select(db, repo, headSha);
      return row === undefined ? null : fromRow(row);
    },

    addSeen: (repo, headSha, tools) =>
      inWriteTransaction(db, kind, async (trx) => {
        const row = await select(trx, repo, headSha);
        if (row === undefined) return null;
        const seen = JSON.parse(row.seen) as string[];
        const known = new Set(seen.map((tool) => tool.toLowerCase()));
        const added = tools.filter(
          (tool) => !known.has(tool.toLowerCase()) && known.add(tool.toLowerCase()),
        );
        const updated = {
          ...row,
          seen: JSON.stringify([...seen, ...added]),
          updated_at: Date.now(),
        };
        if (added.length > 0)
          await updateRow(trx, repo, headSha, {
            seen: updated.seen,
            updated_at: updated.updated_at,
          });
        return fromRow(updated);
      }),

    async complete(repo, headSha, conclusion) {
      const result = await db
        .updateTable("required_tool_checks")
        .set({ status: "completed", conclusion, updated_at: Date.now() })
        .where("repo", "=", key(repo))
        .where("head_sha", "=", headSha)
        .where((eb) =>
          conclusion === "success"
            ? eb.or([eb("status", "=", "in_progress"), eb("conclusion", "=", "failure")])
            : eb("status", "=", "in_progress"),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

async function updateRow(
  trx: Kysely<Database>,
  repo: string,
  headSha: string,
  values: Partial<RequiredToolChecksTable>,
): Promise<void> {
  await trx
    .updateTable("required_tool_checks")
    .set(values)
    .where("repo", "=", repo.toLowerCase())
    .where("head_sha", "=", headSha)
    .execute();
}

function fromRow(row: Selectable<RequiredToolChecksTable>): RequiredToolsRecord {
  return {
    repo: row.repo,
    headSha: row.head_sha,
    prNumber: Number(row.pr_number),
    installationId: Number(row.installation_id),
    checkRunId: row.check_run_id === null ? null : Number(row.check_run_id),
    required: JSON.parse(row.required) as string[],
    seen: JSON.parse(row.seen) as string[],
    workflowChanges: JSON.parse(row.workflow_changes) as string[],
    status: row.status === "completed" ? "completed" : "in_progress",
    conclusion:
      row.conclusion === "success" || row.conclusion === "failure" ? row.conclusion : null,
    deadlineAt: new Date(Number(row.deadline_at)),
  };
}
