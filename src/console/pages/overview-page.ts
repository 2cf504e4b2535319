import { formatDuration, formatPercent, formatTime } from "../format.js";
import type { PageContext, PageResult } from "../page.js";
import { layoutData, visibleKeys } from "../page.js";
import { SEVERITIES } from "../queries/console-tables.js";
import { openFindingCounts } from "../queries/open-findings.js";
import { remediation } from "../queries/remediation.js";
import { scanCoverage } from "../queries/scan-coverage.js";
import { weeklyTrend } from "../queries/weekly-trend.js";
import { rankRepositories } from "./rank-repositories.js";

const TREND_WEEKS = 12;
const COVERAGE_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;
/** The overview lists the worst repositories; each one's page has the rest. */
const MAX_REPOS_LISTED = 50;

export async function overviewPage(ctx: PageContext): Promise<PageResult> {
  const repos = visibleKeys(ctx);
  const counts = await openFindingCounts(ctx.db, repos);
  const trend = await weeklyTrend(ctx.db, repos, ctx.now, TREND_WEEKS);
  const fixes = await remediation(ctx.db, repos);
  const coverage = await scanCoverage(ctx.db, repos, ctx.now - COVERAGE_WINDOW_MS);
  const feedback = await ctx.feedback();
  const ranked = rankRepositories(counts, ctx.access.repositories);
  const bySeverity = SEVERITIES.map((severity) => ({
    severity,
    count: counts.filter((c) => c.severity === severity).reduce((n, c) => n + c.count, 0),
  }));
  const body = ctx.render("overview", {
    ...layoutData(ctx, "Overview", true),
    repositoryCount: repos.length,
    generatedAt: formatTime(ctx.now),
    severities: bySeverity,
    severityNames: SEVERITIES,
    repos: ranked.slice(0, MAX_REPOS_LISTED),
    reposHidden: Math.max(0, ranked.length - MAX_REPOS_LISTED),
    trendJson: JSON.stringify(trend),
    mttrFixed: formatDuration(fixes.mttr.fixed),
    mttrSuppressed: formatDuration(fixes.mttr.suppressed),
    fixedCount: fixes.resolvedCount.fixed,
    suppressedCount: fixes.resolvedCount.suppressed,
    escapes: SEVERITIES.filter((s) => fixes.escapes[s]).map((severity) => ({
      severity,
      count: fixes.escapes[severity],
    })),
    escapesTotal: Object.values(fixes.escapes).reduce((n, c) => n + c, 0),
    prevented: fixes.prevented,
    feedback:
      feedback === null || feedback.count === 0
        ? "no analyses since this instance started"
        : `${formatDuration(feedback.meanMs)} mean over ${feedback.count} analyses (this instance)`,
    coverage: formatPercent(coverage.opened === 0 ? null : coverage.analysed / coverage.opened),
    opened: coverage.opened,
    analysed: coverage.analysed,
    firstAnalysis: formatDuration(coverage.meanTimeToFirstAnalysis),
  });
  return { kind: "html", status: 200, body };
}
