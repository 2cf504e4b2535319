import type { Insertable, Kysely } from "kysely";
import type { FindingLifecycleRow } from "../../src/console/queries/console-tables.js";
import type { Database, PullRequestsTable } from "../../src/store/database.js";

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
    finding_id: `GR-${serial.toString(16).padStart(8, "0")}`,
    tool: "Semgrep OSS",
    rule: "javascript.express.xss",
    severity: "high",
    path: "src/app.js",
    line: 10,
    message: "User input reaches res.send",
    first_seen_at: NOW - 20 * DAY,
    first_seen_ref: "pr:7",
    first_pr: 7,
    reported_at: NOW - 20 * DAY + 60_000,
    merged_at: NOW - 19 * DAY,
    preexisting: 0,
    escaped: 1,
    prevented: 0,
    resolved_at: null,
    resolution: null,
    last_pr: 7,
    last_seen_at: NOW - DAY,
    ...overrides,
  };
}

/**
 * Inserts lifecycle rows and adds them to `lifecycle_counts` the way the lifecycle keeps it (open
 * = on the default branch and unresolved), so the console reads what the app would have written.
 */
export async function insertLifecycle(db: Kysely<Database>, rows: FindingLifecycleRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto("finding_lifecycle")
      .values(rows.slice(i, i + 500))
      .execute();
  }
  const counts = new Map<string, Insertable<Database["lifecycle_counts"]>>();
  for (const r of rows) {
    const key = `${r.repo}\n${r.tool}\n${r.severity}`;
    const c = counts.get(key) ?? {
      repo: r.repo,
      tool: r.tool,
      severity: r.severity,
      open: 0,
      escaped: 0,
      prevented: 0,
      fixed: 0,
      suppressed: 0,
    };
    const onDefault = r.merged_at !== null || r.preexisting === 1;
    c.open = Number(c.open) + (onDefault && r.resolved_at === null ? 1 : 0);
    c.escaped = Number(c.escaped) + r.escaped;
    c.prevented = Number(c.prevented) + r.prevented;
    c.fixed = Number(c.fixed) + (r.resolution === "fixed" ? 1 : 0);
    c.suppressed = Number(c.suppressed) + (r.resolution === "suppressed" ? 1 : 0);
    counts.set(key, c);
  }
  for (const c of counts.values()) {
    await db
      .insertInto("lifecycle_counts")
      .values(c)
      .onConflict((oc) =>
        oc.columns(["repo", "tool", "severity"]).doUpdateSet((eb) => ({
          open: eb("lifecycle_counts.open", "+", eb.ref("excluded.open")),
          escaped: eb("lifecycle_counts.escaped", "+", eb.ref("excluded.escaped")),
          prevented: eb("lifecycle_counts.prevented", "+", eb.ref("excluded.prevented")),
          fixed: eb("lifecycle_counts.fixed", "+", eb.ref("excluded.fixed")),
          suppressed: eb("lifecycle_counts.suppressed", "+", eb.ref("excluded.suppressed")),
        })),
      )
      .execute();
  }
}

export async function insertPullRequests(
  db: Kysely<Database>,
  rows: Insertable<PullRequestsTable>[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto("pull_requests")
      .values(rows.slice(i, i + 500))
      .execute();
  }
}
