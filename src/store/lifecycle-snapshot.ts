import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

/** Everything a /metrics scrape needs, read from the small aggregate tables only. */
export interface LifecycleSnapshot {
  counts: {
    repo: string;
    tool: string;
    severity: string;
    open: number;
    escaped: number;
    prevented: number;
    fixed: number;
    suppressed: number;
  }[];
  /** Non-cumulative buckets (see resolution-buckets.ts). */
  resolutions: {
    tool: string;
    severity: string;
    resolution: string;
    bucket: number;
    count: number;
    sumMs: number;
  }[];
  pullRequests: { repo: string; opened: number; scanned: number }[];
  requiredToolMissing: { repo: string; tool: string; count: number }[];
  /** Suppressions that apply (`active`) or wait for an approver (`requested`), unexpired. */
  suppressions: { repo: string; reason: string; status: string; count: number }[];
}

export async function lifecycleSnapshot(
  db: Kysely<Database>,
  now: Date,
): Promise<LifecycleSnapshot> {
  const counts = await db.selectFrom("lifecycle_counts").selectAll().execute();
  const resolutions = await db.selectFrom("lifecycle_resolutions").selectAll().execute();
  const pullRequests = await db
    .selectFrom("pull_request_counts")
    .select(["repo", "opened", "scanned"])
    .execute();
  const requiredToolMissing = await db.selectFrom("required_tool_missing").selectAll().execute();
  const suppressions = await db
    .selectFrom("suppressions")
    .select(["repo", "reason", "status", sql<number>`count(*)`.as("count")])
    .where("status", "in", ["active", "requested"])
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now.getTime())]))
    .groupBy(["repo", "reason", "status"])
    .execute();
  return {
    counts: counts.map((c) => ({
      ...c,
      open: Number(c.open),
      escaped: Number(c.escaped),
      prevented: Number(c.prevented),
      fixed: Number(c.fixed),
      suppressed: Number(c.suppressed),
    })),
    resolutions: resolutions.map(({ sum_ms: sumMs, ...r }) => ({
      ...r,
      count: Number(r.count),
      sumMs: Number(sumMs),
    })),
    pullRequests: pullRequests.map((p) => ({
      ...p,
      opened: Number(p.opened),
      scanned: Number(p.scanned),
    })),
    requiredToolMissing: requiredToolMissing.map((m) => ({ ...m, count: Number(m.count) })),
    suppressions: suppressions.map((s) => ({ ...s, count: Number(s.count) })),
  };
}
