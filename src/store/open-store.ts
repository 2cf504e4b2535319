import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { createAnalysisStore } from "./analyses.js";
import { createBacklogIssueStore } from "./backlog-issues.js";
import { createBaselineStore } from "./baselines.js";
import type { Database, StoreKind } from "./database.js";
import { parseDatabaseUrl } from "./database-url.js";
import { createDeliveryStore } from "./deliveries.js";
import { createJobStore } from "./jobs.js";
import { createLifecycleStore } from "./lifecycle.js";
import { migrateToLatest } from "./migrations.js";
import { createNotificationStore } from "./notifications.js";
import { createRequiredToolsStore } from "./required-tools.js";
import { connectPostgres } from "./postgres-connection.js";
import { connectSqlite } from "./sqlite-connection.js";
import type { Store } from "./store.js";
import { createSuppressionStore } from "./suppressions.js";

export interface OpenStoreOptions {
  log?: Logger;
}

/** Opens the store `DATABASE_URL` names (SQLite when unset) and migrates it to the latest schema. */
export async function openStore(
  databaseUrl: string | undefined,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  const db =
    target.kind === "sqlite"
      ? connectSqlite(target.path)
      : connectPostgres(target.connectionString);
  try {
    const applied = await migrateToLatest(db, target.kind);
    options.log?.info(
      {
        store: target.kind,
        ...(target.kind === "sqlite" ? { path: target.path } : {}),
        migrations: applied,
      },
      "store open",
    );
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createStore(db, target.kind);
}

function createStore(db: Kysely<Database>, kind: StoreKind): Store {
  return {
    kind,
    db,
    deliveries: createDeliveryStore(db),
    suppressions: createSuppressionStore(db, kind),
    analyses: createAnalysisStore(db, kind),
    baselines: createBaselineStore(db, kind),
    jobs: createJobStore(db, kind),
    notifications: createNotificationStore(db),
    backlog: createBacklogIssueStore(db),
    requiredTools: createRequiredToolsStore(db, kind),
    lifecycle: createLifecycleStore(db, kind),
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}

export type { Store } from "./store.js";
export type { Database, StoreKind } from "./database.js";
