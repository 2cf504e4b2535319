import type { Logger } from "pino";
import type { ConsoleDb } from "./queries/console-tables.js";
import { findingTotals, type FindingTotals } from "./queries/finding-totals.js";
import { ALL_REPOSITORIES, IN_LIST_MAX, repoScope, type RepoScope } from "./queries/repo-scope.js";
import { coverageRows, type CoverageRow } from "./queries/scan-coverage.js";
import { firstTrendWeek, trendRows, type TrendRow } from "./queries/weekly-trend.js";

export const TREND_WEEKS = 12;
export const COVERAGE_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;
/** Organisation-wide figures are re-read at most this often; the page says how old they are. */
const FRESH_MS = 60_000;
/** Past this age a request waits for fresh figures instead of being served the old ones. */
const STALE_MS = 10 * 60_000;

/** The overview's figures per repository; `keep` narrows them to what one user may see. */
export interface OrgFigures {
  at: number;
  totals: FindingTotals[];
  trend: TrendRow[];
  coverage: CoverageRow[];
}

/** The reads run side by side: PostgreSQL answers them on several connections at once. */
export async function readFigures(db: ConsoleDb, scope: RepoScope, now: number) {
  const [totals, trend, coverage] = await Promise.all([
    findingTotals(db, scope),
    trendRows(db, scope, firstTrendWeek(now, TREND_WEEKS)),
    coverageRows(db, scope, now - COVERAGE_WINDOW_MS),
  ]);
  return { at: now, totals, trend, coverage } satisfies OrgFigures;
}

/**
 * A user with a few repositories gets figures read for them alone (index lookups, live). A user
 * who sees hundreds shares one organisation-wide read, grouped by repository and filtered per
 * user in memory, refreshed in the background once a minute: a thousand repositories' aggregates
 * are not re-computed for every page view of every security engineer.
 */
export function createFigureSource(db: ConsoleDb, log: Logger) {
  let shared: OrgFigures | undefined;
  let refreshing: Promise<OrgFigures> | undefined;
  const refresh = (now: number) => {
    refreshing ??= readFigures(db, ALL_REPOSITORIES, now)
      .then((figures) => (shared = figures))
      .finally(() => (refreshing = undefined));
    return refreshing;
  };
  return async (repos: readonly string[], now: number): Promise<OrgFigures> => {
    if (repos.length <= IN_LIST_MAX) return readFigures(db, repoScope(repos), now);
    const age = shared === undefined ? Infinity : now - shared.at;
    if (age > STALE_MS || shared === undefined) return refresh(now);
    if (age > FRESH_MS) {
      refresh(now).catch((error: unknown) =>
        log.warn({ err: error }, "console figures refresh failed"),
      );
    }
    return shared;
  };
}

export type FigureSource = ReturnType<typeof createFigureSource>;
