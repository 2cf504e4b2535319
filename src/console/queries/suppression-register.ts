import type { ConsoleDb } from "./console-tables.js";

export interface RegisterFilters {
  repo?: string;
  reason?: string;
  status?: string;
  author?: string;
  /** Only suppressions that end within this many ms of `now` (and have not ended). */
  expiresWithinMs?: number;
}

export interface RegisterEntry {
  id: number;
  repo: string;
  scope: string;
  findingId: string | null;
  fingerprint: string | null;
  rule: string | null;
  message: string | null;
  reason: string;
  justification: string;
  author: string;
  /** Who approved (or denied) a requested suppression; null when none was needed. */
  approver: string | null;
  status: string;
  createdAt: number;
  expiresAt: number | null;
}

/** Suppressions in the visible repositories, newest first, with the finding they cover. */
export async function suppressionRegister(
  db: ConsoleDb,
  repos: readonly string[],
  filters: RegisterFilters,
  now: number,
  limit: number,
): Promise<RegisterEntry[]> {
  if (repos.length === 0) return [];
  let query = db
    .selectFrom("suppressions as s")
    .leftJoin("finding_lifecycle as f", (join) =>
      join.onRef("f.repo", "=", "s.repo").onRef("f.fingerprint", "=", "s.fingerprint"),
    )
    .select([
      "s.id",
      "s.repo",
      "s.scope_kind",
      "s.finding_id",
      "s.fingerprint",
      "s.tool",
      "s.rule_id",
      "s.path_glob",
      "s.reason",
      "s.justification",
      "s.author",
      "s.decided_by",
      "s.status",
      "s.created_at",
      "s.expires_at",
      "f.rule",
      "f.message",
      "f.finding_id as lifecycle_id",
    ])
    .where("s.repo", "in", repos);
  if (filters.repo) query = query.where("s.repo", "=", filters.repo.toLowerCase());
  if (filters.reason) query = query.where("s.reason", "=", filters.reason);
  if (filters.status) query = query.where("s.status", "=", filters.status);
  if (filters.author) query = query.where("s.author", "=", filters.author);
  if (filters.expiresWithinMs !== undefined) {
    query = query
      .where("s.expires_at", ">", now)
      .where("s.expires_at", "<=", now + filters.expiresWithinMs);
  }
  const rows = await query
    .orderBy("s.created_at", "desc")
    .orderBy("s.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    repo: r.repo,
    scope: describeScope(r),
    findingId: r.finding_id ?? r.lifecycle_id,
    fingerprint: r.fingerprint,
    rule: r.rule ?? r.rule_id,
    message: r.message,
    reason: r.reason,
    justification: r.justification,
    author: r.author,
    approver: r.decided_by,
    status: r.status,
    createdAt: Number(r.created_at),
    expiresAt: r.expires_at === null ? null : Number(r.expires_at),
  }));
}

function describeScope(r: {
  scope_kind: string;
  tool: string | null;
  rule_id: string | null;
  path_glob: string | null;
}): string {
  if (r.scope_kind === "rule") return `rule ${r.tool ?? "?"} ${r.rule_id ?? "?"}`;
  if (r.scope_kind === "path") return `rule ${r.rule_id ?? "?"} in ${r.path_glob ?? "?"}`;
  return "finding";
}
