import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { LifecycleChange } from "../lifecycle/lifecycle-record.js";
import { countDeltas, resolutionSamples } from "../lifecycle/count-deltas.js";
import type { ResolutionSample } from "../lifecycle/count-deltas.js";
import type { Database } from "./database.js";

type BucketKey = Omit<ResolutionSample, "ms">;

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
  // A push that fixes thousands of findings writes one row per bucket, not one per finding.
  const buckets = new Map<string, { key: BucketKey; count: number; ms: number }>();
  for (const { ms, ...key } of resolutionSamples(changes)) {
    const id = [key.tool, key.severity, key.resolution, key.bucket].join("\u0000");
    const sum = buckets.get(id) ?? { key, count: 0, ms: 0 };
    sum.count += 1;
    sum.ms += ms;
    buckets.set(id, sum);
  }
  for (const { key, count, ms } of buckets.values()) {
    await db
      .insertInto("lifecycle_resolutions")
      .values({ ...key, count, sum_ms: ms })
      .onConflict((oc) =>
        oc.columns(["tool", "severity", "resolution", "bucket"]).doUpdateSet({
          count: sql`lifecycle_resolutions.count + ${count}`,
          sum_ms: sql`lifecycle_resolutions.sum_ms + ${ms}`,
        }),
      )
      .execute();
  }
}
