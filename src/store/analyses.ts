import { sql } from "kysely";
import type { Kysely } from "kysely";
import { analysisFields, analysisKey, fromAnalysisRow } from "./analysis-record.js";
import type { AnalysisRecord, AnalysisRecordInput } from "./analysis-record.js";
import type { Database, StoreKind } from "./database.js";
import { inWriteTransaction } from "./write-transaction.js";

/** Retention: either bound may be given; a record goes when it breaks either. */
export interface AnalysisRetention {
  /** Keep at most this many newest records per repository. */
  keepPerRepo?: number;
  olderThan?: Date;
}

/** How far back to look for each workflow's latest analysis of a PR. */
const RECENT_ANALYSES_PER_PR = 50;

export interface AnalysisStore {
  /** Upserts on (repo, runId, runAttempt): a re-delivered run replaces its record. */
  save(input: AnalysisRecordInput): Promise<AnalysisRecord>;
  setCheckRun(id: number, checkRunId: number): Promise<void>;
  getByRun(repo: string, runId: number, runAttempt: number): Promise<AnalysisRecord | null>;
  /** Newest by createdAt among the analyses that reported on pull request `prNumber`. */
  latestForPr(repo: string, prNumber: number): Promise<AnalysisRecord | null>;
  /**
   * The newest analysis of each workflow that reported on the pull request (several scanner
   * workflows each have their own findings and check run), newest first.
   */
  latestPerWorkflowForPr(repo: string, prNumber: number): Promise<AnalysisRecord[]>;
  latestForSha(repo: string, sha: string): Promise<AnalysisRecord | null>;
  /** Returns how many records were deleted. */
  prune(retention: AnalysisRetention): Promise<number>;
}

export function createAnalysisStore(db: Kysely<Database>, kind: StoreKind): AnalysisStore {
  const newest = (rows: ReturnType<typeof selectAnalyses>) =>
    rows.orderBy("a.created_at", "desc").orderBy("a.id", "desc").limit(1).executeTakeFirst();

  return {
    save: (input) =>
      inWriteTransaction(db, kind, async (trx) => {
        const fields = analysisFields(input);
        const row = await trx
          .insertInto("analyses")
          .values({ ...analysisKey(input), ...fields })
          .onConflict((oc) => oc.columns(["repo", "run_id", "run_attempt"]).doUpdateSet(fields))
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx.deleteFrom("analysis_prs").where("analysis_id", "=", row.id).execute();
        const prNumbers = [...new Set(input.prNumbers)];
        if (prNumbers.length > 0) {
          await trx
            .insertInto("analysis_prs")
            .values(prNumbers.map((pr) => ({ analysis_id: row.id, repo: row.repo, pr_number: pr })))
            .execute();
        }
        return fromAnalysisRow(row);
      }),

    async setCheckRun(id, checkRunId) {
      await db
        .updateTable("analyses")
        .set({ check_run_id: checkRunId })
        .where("id", "=", id)
        .execute();
    },

    async getByRun(repo, runId, runAttempt) {
      const row = await selectAnalyses(db, repo)
        .where("a.run_id", "=", runId)
        .where("a.run_attempt", "=", runAttempt)
        .executeTakeFirst();
      return row === undefined ? null : fromAnalysisRow(row);
    },

    async latestForPr(repo, prNumber) {
      const row = await newest(
        selectAnalyses(db, repo).where((eb) =>
          eb.exists(
            eb
              .selectFrom("analysis_prs as p")
              .select("p.analysis_id")
              .whereRef("p.analysis_id", "=", "a.id")
              .where("p.pr_number", "=", prNumber),
          ),
        ),
      );
      return row === undefined ? null : fromAnalysisRow(row);
    },

    async latestPerWorkflowForPr(repo, prNumber) {
      const rows = await selectAnalyses(db, repo)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("analysis_prs as p")
              .select("p.analysis_id")
              .whereRef("p.analysis_id", "=", "a.id")
              .where("p.pr_number", "=", prNumber),
          ),
        )
        .orderBy("a.created_at", "desc")
        .orderBy("a.id", "desc")
        .limit(RECENT_ANALYSES_PER_PR)
        .execute();
      const seen = new Set<string>();
      const latest: AnalysisRecord[] = [];
      for (const row of rows) {
        if (seen.has(row.workflow_name)) continue;
        seen.add(row.workflow_name);
        latest.push(fromAnalysisRow(row));
      }
      return latest;
    },

    async latestForSha(repo, sha) {
      const row = await newest(selectAnalyses(db, repo).where("a.head_sha", "=", sha));
      return row === undefined ? null : fromAnalysisRow(row);
    },

    async prune({ keepPerRepo, olderThan }) {
      let deleted = 0;
      if (olderThan !== undefined) {
        const result = await db
          .deleteFrom("analyses")
          .where("created_at", "<", olderThan.getTime())
          .executeTakeFirst();
        deleted += Number(result.numDeletedRows);
      }
      if (keepPerRepo !== undefined) {
        const ranked = db
          .selectFrom("analyses")
          .select([
            "id",
            sql<number>`row_number() over (partition by repo order by created_at desc, id desc)`.as(
              "rank",
            ),
          ]);
        const result = await db
          .deleteFrom("analyses")
          .where(
            "id",
            "in",
            db.selectFrom(ranked.as("r")).select("r.id").where("r.rank", ">", keepPerRepo),
          )
          .executeTakeFirst();
        deleted += Number(result.numDeletedRows);
      }
      return deleted;
    },
  };
}

function selectAnalyses(db: Kysely<Database>, repo: string) {
  return db.selectFrom("analyses as a").selectAll("a").where("a.repo", "=", repo.toLowerCase());
}
