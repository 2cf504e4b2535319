import type { Logger } from "pino";
import type { GuardrailConfig } from "../config/schema.js";
import type { GitHub } from "../github/octokit.js";
import type { BacklogIssueStore } from "../store/backlog-issues.js";
import type { TriagedFinding } from "../triage/disposition.js";
import * as api from "./backlog-github.js";
import { applyBacklogAction } from "./apply-action.js";
import { groupFindings, planBacklog, type KnownIssue } from "./plan-backlog.js";

/** GitHub asks for a second between content-creating requests (secondary rate limits). */
export const WRITE_INTERVAL_MS = 1_000;
/** One push writes at most this many times; the rest waits for the next push. */
export const MAX_WRITES_PER_SYNC = 40;

export interface BacklogContext {
  github: GitHub;
  log: Logger;
  backlog: BacklogIssueStore;
  /** The App's slug: its issues are those `<slug>[bot]` opened. */
  appSlug: string;
  pause?: () => Promise<void>;
}

export interface BacklogInput {
  owner: string;
  repo: string;
  sha: string;
  branch: string;
  repoUrl: string;
  config: Pick<GuardrailConfig, "backlog">;
  /** The default-branch analysis, triaged: suppressed findings are not backlog. */
  triaged: readonly TriagedFinding[];
}

/** After a default-branch push: the backlog issues brought in line with what the branch has. */
export async function syncBacklog(ctx: BacklogContext, input: BacklogInput): Promise<number> {
  const { backlog: settings } = input.config;
  if (!settings.enabled) return 0;
  const repoKey = `${input.owner}/${input.repo}`.toLowerCase();
  const pause = ctx.pause ?? (() => new Promise((r) => setTimeout(r, WRITE_INTERVAL_MS)));
  const findings = input.triaged
    .filter((t) => t.suppressedBy === null && settings.severities.includes(t.finding.severity))
    .map((t) => t.finding);
  const records = new Map((await ctx.backlog.list(repoKey)).map((r) => [r.issueNumber, r]));
  const listed = await api.listBacklogIssues(ctx.github, {
    owner: input.owner,
    repo: input.repo,
    label: settings.labels[0],
    creator: ctx.appSlug ? `${ctx.appSlug}[bot]` : undefined,
  });
  const known: KnownIssue[] = listed.map((issue) => {
    const record = records.get(issue.number);
    return {
      ...issue,
      fingerprints: record?.fingerprints ?? [],
      closedByPerson: !issue.open && record?.state !== "closed",
    };
  });
  let writes = 0;
  for (const action of planBacklog(groupFindings(findings), known)) {
    if (writes >= MAX_WRITES_PER_SYNC) {
      ctx.log.info({ writes }, "backlog write budget spent; the rest follows on the next push");
      break;
    }
    if (writes > 0 && action.kind !== "dismiss") await pause();
    writes += await applyBacklogAction(ctx, input, { repo: repoKey, action, records, pause });
  }
  return writes;
}
