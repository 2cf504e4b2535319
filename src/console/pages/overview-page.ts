import { formatDuration, formatPercent, formatTime } from "../format.js";
import { TREND_WEEKS } from "../org-figures.js";
import type { PageContext, PageResult } from "../page.js";
import { layoutData, visibleKeys } from "../page.js";
import { SEVERITIES } from "../queries/console-tables.js";
import { openCounts, remediation } from "../queries/remediation.js";
import { scanCoverage } from "../queries/scan-coverage.js";
import { weeklyTrend } from "../queries/weekly-trend.js";
import { rankRepositories } from "./rank-repositories.js";

/** The overview lists the worst repositories; each one's page has the rest. */
const MAX_REPOS_LISTED = 50;

export async function overviewPage(ctx: PageContext): Promise<PageResult> {
  const repos = visibleKeys(ctx);
  const figures = await ctx.figures(repos, ctx.now);
  const keep = (repo: string) => ctx.access.repositories.has(repo);
  const totals = figures.totals.filter((t) => keep(t.repo));
  const counts = openCounts(totals);
  const fixes = remediation(totals);
  const trend = weeklyTrend(figures.trend, keep, ctx.now, TREND_WEEKS);
  const coverage = scanCoverage(figures.coverage, keep);
  const ranked = rankRepositories(counts, ctx.access.repositories);
  const bySeverity = SEVERITIES.map((severity) => ({
    severity,
    count: counts.filter((c) => c.severity === severity).reduce((n, c) => n + c.count, 0),
  }));
  const body = ctx.render("overview", {
    ...layoutData(ctx, "Overview", true),
    repositoryCount: repos.length,
    generatedAt: formatTime(figures.at),
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
      coverage.feedback.count === 0
        ? "no pull request analysed yet"
        : `${formatDuration(coverage.feedback.meanMs)} mean (first analysis of ${plural(coverage.feedback.count, "pull request")})`,
    coverage: formatPercent(coverage.opened === 0 ? null : coverage.analysed / coverage.opened),
    opened: coverage.opened,
    analysed: coverage.analysed,
    firstAnalysis: formatDuration(coverage.meanTimeToFirstAnalysis),
  });
  return { kind: "html", status: 200, body };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
