import type { Kysely, Selectable } from "kysely";
import type { Database, FindingLifecycleTable } from "../../store/database.js";

/** The console reads the store's tables directly (lifecycle: migration 0007), never writes. */
export type ConsoleDb = Kysely<Database>;
export type FindingLifecycleRow = Selectable<FindingLifecycleTable>;

export function consoleDb(db: Kysely<Database>): ConsoleDb {
  return db;
}

/** Severities most severe first: the order every table and chart uses. */
export const SEVERITIES = ["critical", "high", "medium", "low", "note"] as const;
