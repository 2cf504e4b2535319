import type { GitHub } from "../github/octokit.js";
import { parseBacklogMarker, type BacklogKey } from "./backlog-marker.js";

interface Where {
  owner: string;
  repo: string;
}

export interface ListedIssue {
  number: number;
  key: BacklogKey;
  open: boolean;
  title: string;
  body: string;
}

/**
 * Guardrail's backlog issues: those with the first label, opened by the App (when its login is
 * known), whose body starts with the marker. Pull requests share the endpoint and are skipped.
 */
export async function listBacklogIssues(
  github: GitHub,
  where: Where & { label: string | undefined; creator: string | undefined },
): Promise<ListedIssue[]> {
  const issues = await github.paginate(github.rest.issues.listForRepo, {
    owner: where.owner,
    repo: where.repo,
    state: "all",
    per_page: 100,
    ...(where.label ? { labels: where.label } : {}),
    ...(where.creator ? { creator: where.creator } : {}),
  });
  return issues.flatMap((issue) => {
    const key = issue.pull_request ? null : parseBacklogMarker(issue.body);
    return key === null
      ? []
      : [
          {
            number: issue.number,
            key,
            open: issue.state === "open",
            title: issue.title,
            body: issue.body ?? "",
          },
        ];
  });
}

export async function createBacklogIssue(
  github: GitHub,
  where: Where & { title: string; body: string; labels: string[] },
): Promise<number> {
  const { data } = await github.rest.issues.create({
    owner: where.owner,
    repo: where.repo,
    title: where.title,
    body: where.body,
    labels: where.labels,
  });
  return data.number;
}

export async function updateBacklogIssue(
  github: GitHub,
  where: Where & { number: number; title: string; body: string },
): Promise<void> {
  await github.rest.issues.update({
    owner: where.owner,
    repo: where.repo,
    issue_number: where.number,
    title: where.title,
    body: where.body,
  });
}

/** The comment says why (none left at this commit), then the issue is closed as completed. */
export async function closeBacklogIssue(
  github: GitHub,
  where: Where & { number: number; comment: string },
  pause: () => Promise<void>,
): Promise<void> {
  await github.rest.issues.createComment({
    owner: where.owner,
    repo: where.repo,
    issue_number: where.number,
    body: where.comment,
  });
  await pause();
  await github.rest.issues.update({
    owner: where.owner,
    repo: where.repo,
    issue_number: where.number,
    state: "closed",
    state_reason: "completed",
  });
}
