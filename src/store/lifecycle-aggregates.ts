import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { LifecycleChange } from "../lifecycle/lifecycle-record.js";
import { countDeltas, resolutionSamples } from "../lifecycle/count-deltas.js";
import type { Database } from "./database.js";

/**
 * Keeps lifecycle_counts and lifecycle_resolutions in step with the rows a transition wrote, in
 * the same transaction, so a scrape sums a few thousand aggregate rows instead of every finding.
 */
export async function applyAggregates(db: Kysely<Database>, changes: LifecycleChange[]) {
  for (const d of countDeltas(changes)) {
    await db
      .insertInto("lifecycle_counts")
      .values(d)
      .onConflict((oc) =>
        oc.columns(["repo", "tool", "severity"]).doUpdateSet({
          open: sql`lifecycle_counts.open + ${d.open}`,
          escaped: sql`lifecycle_counts.escaped + ${d.escaped}`,
          prevented: sql`lifecycle_counts.prevented + ${d.prevented}`,
          fixed: sql`lifecycle_counts.fixed + ${d.fixed}`,
          suppressed: sql`lifecycle_counts.suppressed + ${d.suppressed}`,
        }),
      )
      .execute();
  }
  for (const s of resolutionSamples(changes)) {
    const { tool, severity, resolution, bucket, ms } = s;
    await db
      .insertInto("lifecycle_resolutions")
      .values({ tool, severity, resolution, bucket, count: 1, sum_ms: ms })
      .onConflict((oc) =>
        oc.columns(["tool", "severity", "resolution", "bucket"]).doUpdateSet({
          count: sql`lifecycle_resolutions.count + 1`,
          sum_ms: sql`lifecycle_resolutions.sum_ms + ${ms}`,
        }),
      )
      .execute();
  }
}
