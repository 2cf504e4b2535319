import type { Finding } from "../findings/finding.js";

/**
 * The repository's web URL from a workflow run's `html_url` (`…/owner/repo/actions/runs/1`), so
 * links point at github.com or the Enterprise Server host alike.
 */
export function repoWebUrl(runHtmlUrl: string): string | undefined {
  const at = runHtmlUrl.indexOf("/actions/runs/");
  return at > 0 ? runHtmlUrl.slice(0, at) : undefined;
}

/** The finding's file and line at the analysed commit; path segments are percent-encoded. */
export function fileLink(repoUrl: string, sha: string, finding: Finding): string {
  const path = finding.location.path.split("/").map(encodeURIComponent).join("/");
  const line = finding.location.region?.startLine;
  return `${repoUrl}/blob/${sha}/${path}${line === undefined ? "" : `#L${line}`}`;
}

export function fileLabel(finding: Finding): string {
  const line = finding.location.region?.startLine;
  return line === undefined ? finding.location.path : `${finding.location.path}:${line}`;
}
