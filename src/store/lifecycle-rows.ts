import type { Kysely, Selectable } from "kysely";
import type { LifecycleRecord } from "../lifecycle/lifecycle-record.js";
import { chunk } from "./chunk.js";
import type { Database, FindingLifecycleTable, StoreKind } from "./database.js";
import { inTextList } from "./bulk-text.js";

type Row = Selectable<FindingLifecycleTable>;

/** Rows per upsert: 22 parameters each keeps a statement under SQLite's 32,766 variables. */
const UPSERT_ROWS = 1_000;

/** Every column but the key: an upsert writes the record whole. */
const UPDATED = [
  "finding_id",
  "tool",
  "rule",
  "severity",
  "path",
  "line",
  "message",
  "first_seen_at",
  "first_seen_ref",
  "first_pr",
  "reported_at",
  "merged_at",
  "preexisting",
  "escaped",
  "prevented",
  "resolved_at",
  "resolution",
  "last_pr",
  "last_seen_at",
] as const satisfies readonly (keyof Row)[];

export function toRecord(row: Row): LifecycleRecord {
  return {
    repo: row.repo,
    fingerprint: row.fingerprint,
    findingId: row.finding_id,
    tool: row.tool,
    rule: row.rule,
    severity: row.severity,
    path: row.path,
    line: row.line,
    message: row.message,
    firstSeenAt: Number(row.first_seen_at),
    firstSeenRef: row.first_seen_ref,
    firstPr: row.first_pr,
    reportedAt: row.reported_at === null ? null : Number(row.reported_at),
    mergedAt: row.merged_at === null ? null : Number(row.merged_at),
    preexisting: row.preexisting === 1,
    escaped: row.escaped === 1,
    prevented: row.prevented === 1,
    resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
    resolution: row.resolution,
    lastPr: row.last_pr,
    lastSeenAt: Number(row.last_seen_at),
  };
}

export function toRow(r: LifecycleRecord): Row {
  return {
    repo: r.repo,
    fingerprint: r.fingerprint,
    finding_id: r.findingId,
    tool: r.tool,
    rule: r.rule,
    severity: r.severity,
    path: r.path,
    line: r.line,
    message: r.message,
    first_seen_at: r.firstSeenAt,
    first_seen_ref: r.firstSeenRef,
    first_pr: r.firstPr,
    reported_at: r.reportedAt,
    merged_at: r.mergedAt,
    preexisting: r.preexisting ? 1 : 0,
    escaped: r.escaped ? 1 : 0,
    prevented: r.prevented ? 1 : 0,
    resolved_at: r.resolvedAt,
    resolution: r.resolution,
    last_pr: r.lastPr,
    last_seen_at: r.lastSeenAt,
  };
}

export async function recordsByFingerprint(
  db: Kysely<Database>,
  kind: StoreKind,
  repo: string,
  fingerprints: readonly string[],
): Promise<LifecycleRecord[]> {
  const found: LifecycleRecord[] = [];
  for (const batch of chunk([...new Set(fingerprints)])) {
    const rows = await db
      .selectFrom("finding_lifecycle")
      .selectAll()
      .where("repo", "=", repo)
      .where(inTextList(kind, "fingerprint", batch))
      .execute();
    found.push(...rows.map(toRecord));
  }
  return found;
}

export async function upsertRecords(db: Kysely<Database>, records: LifecycleRecord[]) {
  for (const batch of chunk(records, UPSERT_ROWS)) {
    await db
      .insertInto("finding_lifecycle")
      .values(batch.map(toRow))
      .onConflict((oc) =>
        oc
          .columns(["repo", "fingerprint"])
          .doUpdateSet((eb) =>
            Object.fromEntries(UPDATED.map((c) => [c, eb.ref(`excluded.${c}`)])),
          ),
      )
      .execute();
  }
}
