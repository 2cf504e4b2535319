import type { Kysely } from "kysely";
import type { Database } from "../../src/store/database.js";
import type {
  FindingLifecycleRow,
  PullRequestRow,
} from "../../src/console/queries/console-tables.js";
import { consoleDb } from "../../src/console/queries/console-tables.js";

export const DAY = 86_400_000;
export const NOW = Date.UTC(2025, 5, 12, 12); // a Thursday

let serial = 0;

/** A lifecycle row: an open high finding on the default branch unless overridden. */
export function lifecycle(overrides: Partial<FindingLifecycleRow> = {}): FindingLifecycleRow {
  serial += 1;
  const fingerprint = overrides.fingerprint ?? `fp-${serial.toString(16).padStart(8, "0")}`;
  return {
    repo: "acme/shop",
    fingerprint,
    finding_id: `GR-${fingerprint
      .replace(/[^0-9a-f]/g, "")
      .slice(-8)
      .padStart(8, "0")}`,
    tool: "Semgrep OSS",
    rule: "javascript.express.xss",
    severity: "high",
    path: "src/app.js",
    line: 10,
    message: "User input reaches res.send",
    first_seen_at: NOW - 20 * DAY,
    first_seen_ref: "pull/7",
    first_pr: 7,
    reported_at: NOW - 20 * DAY + 60_000,
    merged_at: NOW - 19 * DAY,
    preexisting: 0,
    escaped: 1,
    prevented: 0,
    resolved_at: null,
    resolution: null,
    ...overrides,
  };
}

export async function insertLifecycle(db: Kysely<Database>, rows: FindingLifecycleRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await consoleDb(db)
      .insertInto("finding_lifecycle")
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export async function insertPullRequests(db: Kysely<Database>, rows: PullRequestRow[]) {
  if (rows.length > 0) await consoleDb(db).insertInto("pull_requests").values(rows).execute();
}
