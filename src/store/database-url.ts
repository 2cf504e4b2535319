/** Where the store lives, decided from `DATABASE_URL` (see design.md, Runtime contract). */
export type DatabaseTarget =
  /** `path` is `:memory:` for a throwaway in-memory database (tests). */
  { kind: "sqlite"; path: string } | { kind: "postgres"; connectionString: string };

export const DEFAULT_SQLITE_PATH = "./data/guardrail.db";

const SQLITE_PREFIXES = ["sqlite:", "file:"] as const;
const POSTGRES_PREFIXES = ["postgres://", "postgresql://"] as const;

export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  const trimmed = url?.trim() ?? "";
  if (trimmed === "") return { kind: "sqlite", path: DEFAULT_SQLITE_PATH };

  const lower = trimmed.toLowerCase();
  if (POSTGRES_PREFIXES.some((prefix) => lower.startsWith(prefix))) {
    return { kind: "postgres", connectionString: trimmed };
  }

  const sqlitePrefix = SQLITE_PREFIXES.find((prefix) => lower.startsWith(prefix));
  if (sqlitePrefix !== undefined) {
    const path = sqlitePath(trimmed.slice(sqlitePrefix.length));
    if (path === "") throw new Error(`DATABASE_URL "${sqlitePrefix}" names no file path`);
    return { kind: "sqlite", path };
  }

  // Only the scheme is echoed: the rest of a URL may hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(trimmed)?.[0] ?? "(no scheme)";
  throw new Error(
    `DATABASE_URL has unsupported scheme ${scheme}: use postgres://, postgresql://, sqlite:<path> or file:<path>, or leave it unset for ${DEFAULT_SQLITE_PATH}`,
  );
}

/** `sqlite:///abs/x.db` and `file:///abs/x.db` are URL forms of `/abs/x.db`. */
function sqlitePath(rest: string): string {
  if (rest === ":memory:") return rest;
  if (!rest.startsWith("//")) return rest;
  return decodeURIComponent(rest.slice(2));
}
