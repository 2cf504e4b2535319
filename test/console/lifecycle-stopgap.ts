import { sql, type Kysely } from "kysely";
import type { Database } from "../../src/store/database.js";

/**
 * Until migration 0007 (lifecycle, issue #17) lands, the tests create its two tables with the
 * agreed columns so the console's queries run; once the migration exists this does nothing.
 */
export async function ensureLifecycleTables(db: Kysely<Database>): Promise<void> {
  await sql`create table if not exists finding_lifecycle (
    repo text not null, fingerprint text not null, finding_id text not null, tool text not null,
    rule text not null, severity text not null, path text, line integer, message text not null,
    first_seen_at bigint not null, first_seen_ref text not null, first_pr integer,
    reported_at bigint, merged_at bigint, preexisting integer not null, escaped integer not null,
    prevented integer not null, resolved_at bigint, resolution text,
    primary key (repo, fingerprint))`.execute(db);
  await sql`create table if not exists pull_requests (repo text not null, number integer not null,
    opened_at bigint not null, first_analysed_at bigint, primary key (repo, number))`.execute(db);
}
