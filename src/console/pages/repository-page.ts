import { formatDate } from "../format.js";
import { fileUrl, findingHref, location } from "../links.js";
import type { PageContext, PageResult } from "../page.js";
import { layoutData } from "../page.js";
import { repositoryFindings } from "../queries/repository-findings.js";

const MAX_FINDINGS = 1000;

/** One repository's open findings; a repository the user cannot see does not exist (404). */
export async function repositoryPage(ctx: PageContext, key: string): Promise<PageResult> {
  const repo = ctx.access.repositories.get(key);
  if (repo === undefined) return { kind: "not-found" };
  const rows = await repositoryFindings(ctx.db, repo.key, MAX_FINDINGS + 1);
  const findings = rows.slice(0, MAX_FINDINGS).map((f) => ({
    id: f.finding_id,
    href: findingHref(ctx.root, repo, f.finding_id),
    severity: f.severity,
    tool: f.tool,
    rule: f.rule,
    message: f.message,
    location: location(f.path, f.line),
    fileUrl: fileUrl(repo, f.path, f.line),
    firstSeen: formatDate(f.first_seen_at),
  }));
  const body = ctx.render("repository", {
    ...layoutData(ctx, repo.fullName),
    fullName: repo.fullName,
    repoUrl: repo.htmlUrl,
    findings,
    truncated: rows.length > MAX_FINDINGS,
  });
  return { kind: "html", status: 200, body };
}
