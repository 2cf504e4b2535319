import type { Kysely } from "kysely";
import type { BaselineLocation } from "./baseline-record.js";
import type { Database } from "./database.js";

export interface BaselineEntry extends BaselineLocation {
  tool: string;
  fingerprint: string;
  severity: string;
  /** The commit that last recorded the entry's tool on the branch. */
  sha: string;
}

/** Open entries of a branch, with their tools' last recorded commit; null when never recorded. */
export async function baselineEntries(
  db: Kysely<Database>,
  repo: string,
  branch: string,
): Promise<BaselineEntry[] | null> {
  const key = repo.toLowerCase();
  const tools = await db
    .selectFrom("baseline_tools")
    .select(["tool", "sha"])
    .where("repo", "=", key)
    .where("branch", "=", branch)
    .execute();
  if (tools.length === 0) return null;
  const shas = new Map(tools.map((t) => [t.tool, t.sha]));
  const rows = await db
    .selectFrom("baseline_fingerprints")
    .select([
      "tool",
      "fingerprint",
      "severity",
      "rule_id",
      "path",
      "line",
      "snippet_hash",
      "window_hash",
      "message_hash",
    ])
    .where("repo", "=", key)
    .where("branch", "=", branch)
    .where("fixed_at", "is", null)
    .orderBy("tool")
    .orderBy("fingerprint")
    .execute();
  return rows.map((row) => ({
    tool: row.tool,
    fingerprint: row.fingerprint,
    severity: row.severity,
    sha: shas.get(row.tool) ?? "",
    ruleId: row.rule_id,
    path: row.path,
    line: Number(row.line),
    snippetHash: row.snippet_hash,
    windowHash: row.window_hash,
    messageHash: row.message_hash,
  }));
}
