import { formatTime } from "../format.js";
import { fileUrl, location, repoHref } from "../links.js";
import type { PageContext, PageResult } from "../page.js";
import { layoutData } from "../page.js";
import { findingHistory } from "../queries/finding-history.js";
import { findingTimeline } from "./finding-timeline.js";

/** One finding's lifecycle; 404 unless its repository is visible to the user and it exists. */
export async function findingPage(ctx: PageContext, key: string, id: string): Promise<PageResult> {
  const repo = ctx.access.repositories.get(key);
  if (repo === undefined) return { kind: "not-found" };
  const history = await findingHistory(ctx.db, repo.key, id);
  if (history === undefined) return { kind: "not-found" };
  const f = history.finding;
  const timeline = findingTimeline(history, repo).map((step) => ({
    ...step,
    when: formatTime(step.at),
  }));
  const body = ctx.render("finding", {
    ...layoutData(ctx, `${f.finding_id} · ${repo.fullName}`),
    fullName: repo.fullName,
    repoHref: repoHref(ctx.root, repo),
    id: f.finding_id,
    severity: f.severity,
    rule: f.rule,
    tool: f.tool,
    message: f.message,
    location: location(f.path, f.line),
    fileUrl: fileUrl(repo, f.path, f.line),
    timeline,
  });
  return { kind: "html", status: 200, body };
}
