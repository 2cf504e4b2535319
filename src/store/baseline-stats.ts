import { sql } from "kysely";
import type { Kysely } from "kysely";
import { chunk } from "./chunk.js";
import type { Database, StoreKind } from "./database.js";
import { textTable } from "./bulk-text.js";

export interface BaselineStats {
  /** Mean of fixed_at − first_seen_at over fingerprints fixed on a tracked branch. */
  meanTimeToRemediateSeconds: number | null;
  /** Of `firstSeenTotal`, those no pull-request analysis had reported by the time they landed. */
  escaped: number;
  /** Fingerprints that first appeared on a tracked branch after its first baseline. */
  firstSeenTotal: number;
  /** Fingerprints only ever seen in a branch's first baseline: they predate Guardrail. */
  preExisting: number;
}

export async function markReported(
  db: Kysely<Database>,
  kind: StoreKind,
  repo: string,
  fingerprints: string[],
  at: Date,
): Promise<void> {
  const key = repo.toLowerCase();
  for (const batch of chunk([...new Set(fingerprints)])) {
    await sql`
      insert into reported_fingerprints (repo, fingerprint, reported_at)
      select cast(${key} as text), t.fingerprint, cast(${at.getTime()} as bigint)
      from (${textTable(
        kind,
        ["fingerprint"],
        batch.map((fingerprint) => [fingerprint]),
      )}) t
      where true
      on conflict (repo, fingerprint) do nothing
    `.execute(db);
  }
}

export async function baselineStats(db: Kysely<Database>, repo?: string): Promise<BaselineStats> {
  const key = repo?.toLowerCase();
  const onlyRepo = key === undefined ? sql`` : sql`where repo = ${key}`;
  let remediation = db
    .selectFrom("baseline_fingerprints")
    .select(sql<number | string | null>`avg(fixed_at - first_seen_at)`.as("mean_ms"))
    .where("fixed_at", "is not", null);
  if (key !== undefined) remediation = remediation.where("repo", "=", key);
  // PostgreSQL's avg over bigint is numeric, which pg hands back as a string.
  const { mean_ms: meanMs } = await remediation.executeTakeFirstOrThrow();
  // One row per (repo, fingerprint): first_seen is null when every sighting was pre-existing.
  const counts = await sql<{
    total: number;
    first_seen_total: number | null;
    escaped: number | null;
  }>`
    select count(*) as total,
      sum(case when b.first_seen is null then 0 else 1 end) as first_seen_total,
      sum(case when b.first_seen is not null and not exists (
        select 1 from reported_fingerprints r
        where r.repo = b.repo and r.fingerprint = b.fingerprint and r.reported_at <= b.first_seen
      ) then 1 else 0 end) as escaped
    from (
      select repo, fingerprint, min(case when pre_existing = 0 then first_seen_at end) as first_seen
      from baseline_fingerprints ${onlyRepo}
      group by repo, fingerprint
    ) b
  `.execute(db);
  const row = counts.rows[0];
  const total = Number(row?.total ?? 0);
  const firstSeenTotal = Number(row?.first_seen_total ?? 0);
  return {
    meanTimeToRemediateSeconds: meanMs === null ? null : Number(meanMs) / 1000,
    escaped: Number(row?.escaped ?? 0),
    firstSeenTotal,
    preExisting: total - firstSeenTotal,
  };
}
