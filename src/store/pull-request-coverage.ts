import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

/**
 * Scan coverage: each pull request counts once when opened and once when first analysed, in
 * pull_request_counts as well, so a scrape reads one row per repository.
 */
export async function recordOpened(db: Kysely<Database>, repo: string, number: number, at: Date) {
  const inserted = await db
    .insertInto("pull_requests")
    .values({
      repo,
      number,
      opened_at: at.getTime(),
      first_analysed_at: null,
      first_feedback_ms: null,
    })
    .onConflict((oc) => oc.columns(["repo", "number"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await bump(db, repo, { opened: 1, scanned: 0, feedbackMs: null });
  return true;
}

/**
 * The first analysis of a pull request makes it scanned. One analysed before Guardrail saw it
 * opened (installed mid-review, or a lost delivery) counts as opened then.
 */
export async function recordAnalysed(
  db: Kysely<Database>,
  repo: string,
  number: number,
  at: Date,
  feedbackMs: number | null,
) {
  await recordOpened(db, repo, number, at);
  const updated = await db
    .updateTable("pull_requests")
    .set({ first_analysed_at: at.getTime(), first_feedback_ms: feedbackMs })
    .where("repo", "=", repo)
    .where("number", "=", number)
    .where("first_analysed_at", "is", null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await bump(db, repo, { opened: 0, scanned: 1, feedbackMs });
  return true;
}

async function bump(
  db: Kysely<Database>,
  repo: string,
  d: { opened: number; scanned: number; feedbackMs: number | null },
) {
  const feedbackCount = d.feedbackMs === null ? 0 : 1;
  const feedbackMs = d.feedbackMs ?? 0;
  await db
    .insertInto("pull_request_counts")
    .values({
      repo,
      opened: d.opened,
      scanned: d.scanned,
      feedback_count: feedbackCount,
      feedback_sum_ms: feedbackMs,
    })
    .onConflict((oc) =>
      oc.column("repo").doUpdateSet({
        opened: sql`pull_request_counts.opened + ${d.opened}`,
        scanned: sql`pull_request_counts.scanned + ${d.scanned}`,
        feedback_count: sql`pull_request_counts.feedback_count + ${feedbackCount}`,
        feedback_sum_ms: sql`pull_request_counts.feedback_sum_ms + ${feedbackMs}`,
      }),
    )
    .execute();
}
