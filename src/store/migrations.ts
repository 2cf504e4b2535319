import { Migrator, sql } from "kysely";
import type { Kysely, Migration } from "kysely";
import type { Database, StoreKind } from "./database.js";
import { columnTypes } from "./migration-types.js";
import type { ColumnTypes } from "./migration-types.js";
import { up as suppressions } from "./migration-0001-suppressions.js";
import { up as analyses } from "./migration-0002-analyses.js";
import { up as baselines } from "./migration-0003-baselines.js";
import { up as jobs } from "./migration-0004-jobs.js";
import { up as identity } from "./migration-0005-identity.js";
import { up as approvals } from "./migration-0006-approvals.js";
import { up as lifecycle } from "./migration-0007-lifecycle.js";
import { up as notifications } from "./migration-0008-notifications.js";
import { up as requiredTools } from "./migration-0010-required-tools.js";

type MigrationStep = (db: Kysely<unknown>, types: ColumnTypes) => Promise<void>;

/** Append only: a released migration never changes, a new one gets the next number. */
const STEPS: Record<string, MigrationStep> = {
  "0001-suppressions": suppressions,
  "0002-analyses": analyses,
  "0003-baselines": baselines,
  "0004-jobs": jobs,
  "0005-identity": identity,
  "0006-approvals": approvals,
  "0007-lifecycle": lifecycle,
  "0008-notifications": notifications,
  "0010-required-tools": requiredTools,
};

export function storeMigrations(kind: StoreKind): Record<string, Migration> {
  const types = columnTypes(kind);
  return Object.fromEntries(
    Object.entries(STEPS).map(([name, step]) => [
      name,
      { up: (db: Kysely<unknown>) => step(db, types) },
    ]),
  );
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<Database>, kind: StoreKind): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(storeMigrations(kind)) },
    // Numbers are assigned per feature ahead of time, so one may land after a higher one ran.
    allowUnorderedMigrations: true,
    // Kysely looks for its bookkeeping tables in every schema unless told which: with several
    // Guardrail schemas in one database it would find another's and skip creating its own.
    ...(kind === "postgres" ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed =
      results?.find((r) => r.status === "Error")?.migrationName ?? "(before any migration)";
    throw new Error(`store migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    db,
  );
  const schema = rows[0]?.schema;
  if (schema === undefined || schema === null) {
    throw new Error("PostgreSQL has no current schema: check search_path in DATABASE_URL");
  }
  return schema;
}
